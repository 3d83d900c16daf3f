/**
 * One programme, `#/ket-noi-cung-cau/chuong-trinh/<id>`: its decision and period, the working
 * group, the channels, the events held under it, and its results for a year (or its whole period),
 * with the report to the national alliance and the supply bulletin to make from them.
 */
import { useCallback, useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../../../../shared/contract';
import { formatCount, formatDate } from '../../../../shared/format';
import { messageOf } from '../../api';
import { ExcelJobModal } from '../../components/ExportButton';
import { LabelledSelect } from '../../components/LabelledSelect';
import { LoadError } from '../../components/LoadError';
import { RecordPageFrame } from '../../components/RecordPageFrame';
import { useConfirmedDeletion } from '../../components/useConfirmedDeletion';
import { RecordHistory } from '../../components/RecordHistory';
import { useEventList } from '../../queries/events';
import { useRunReport } from '../../queries/reports';
import { useProgramme, useProgrammeResults, useSupplyLookups, useSupplyWrite } from '../../queries/supply';
import { eventHref, programmeHref, supplyHref } from '../../routing/useHashRoute';
import { ProgrammeForm } from './ProgrammeForm';
import { ResultsView } from './ProgrammeResults';
import { Fact, Facts, RecordHeader } from './SupplyBits';
import { FormModal } from '../../forms/unsavedChanges';

export function ProgrammePage({ id }: { id: number }) {
  const { t } = useTranslation();
  const programme = useProgramme(id);
  return (
    <RecordPageFrame query={programme} back={{ href: supplyHref('chuong-trinh'), label: t('supply.programmes.back') }}>
      {(loaded) => <ProgrammeView programme={loaded} />}
    </RecordPageFrame>
  );
}

/** The periods results are shown for: each year of the programme, or all of it. */
function periodsOf(programme: ProgrammeDetail): { value: string; label: string; from: string; to: string }[] {
  const first = Number(programme.startsOn.slice(0, 4));
  const thisYear = new Date().getFullYear();
  const last = programme.endsOn === null ? Math.max(first, thisYear) : Number(programme.endsOn.slice(0, 4));
  const years = Array.from({ length: last - first + 1 }, (_, index) => last - index);
  return [
    ...years.map((year) => ({ value: String(year), label: String(year), from: `${year}-01-01`, to: `${year}-12-31` })),
    { value: 'all', label: '', from: programme.startsOn, to: programme.endsOn ?? `${last}-12-31` },
  ];
}

function ProgrammeView({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const lookups = useSupplyLookups();
  const [editing, edit] = useDisclosure(false);
  const remove = useSupplyWrite('programmes:delete');
  const restore = useSupplyWrite('programmes:restore');
  const periods = periodsOf(programme);
  const thisYear = String(new Date().getFullYear());
  const [period, setPeriod] = useState(periods.some((option) => option.value === thisYear) ? thisYear : (periods[0]?.value ?? 'all'));
  const chosen = periods.find((option) => option.value === period) ?? periods[0];
  const results = useProgrammeResults(chosen ? { programmeId: programme.id, from: chosen.from, to: chosen.to } : null);
  const run = useRunReport();
  const [jobId, setJobId] = useState<string | null>(null);
  const closeJob = useCallback(() => setJobId(null), []);
  const channelName = (code: string) => lookups.data?.channels.find((channel) => channel.code === code)?.name ?? code;

  const confirmDelete = useConfirmedDeletion({
    messages: {
      title: t('supply.programmes.deleteTitle'),
      question: t('supply.programmes.deleteConfirm', { name: programme.name }),
      deleted: t('supply.programmes.deleted', { name: programme.name }),
      restored: t('supply.programmes.restored', { name: programme.name }),
    },
    remove: () => remove.mutateAsync({ id: programme.id }),
    restore: () => restore.mutateAsync({ id: programme.id }),
    list: { href: supplyHref('chuong-trinh') },
    hrefOf: programmeHref,
  });

  const report = (kind: 'programme-results' | 'supply-bulletin') => {
    if (!chosen) return;
    run.mutate(
      { report: kind, programmeId: programme.id, from: chosen.from, to: chosen.to },
      {
        onSuccess: ({ jobId: started }) => setJobId(started),
        onError: (error) => notifications.show({ color: 'red', title: t('reports.job.failed'), message: messageOf(error, t('common.unexpectedError')) }),
      },
    );
  };

  return (
    <>
      <RecordHeader
        badges={
          <Badge variant="light" tt="none" color="gray">
            {t('supply.programmes.kind')}
          </Badge>
        }
        title={programme.name}
        subtitle={[
          programme.decisionNo,
          programme.endsOn === null ? t('supply.windowFrom', { from: formatDate(programme.startsOn) }) : `${formatDate(programme.startsOn)} – ${formatDate(programme.endsOn)}`,
          t('supply.programmes.counts', { offers: formatCount(programme.offers), demands: formatCount(programme.demands), connections: formatCount(programme.connections) }),
        ]
          .filter(Boolean)
          .join(' · ')}
        onEdit={edit.open}
        onDelete={confirmDelete}
      />

      <Paper withBorder p="md">
        <Facts>
          <Fact label={t('supply.programmeForm.description')} value={programme.description} />
          <Fact
            label={t('supply.programmeForm.channels')}
            value={
              programme.channelCodes.length === 0 ? (
                ''
              ) : (
                <Group gap={6}>
                  {programme.channelCodes.map((code) => (
                    <Badge key={code} variant="light" tt="none">
                      {channelName(code)}
                    </Badge>
                  ))}
                </Group>
              )
            }
          />
        </Facts>
      </Paper>

      <Paper withBorder p="md" component="section" aria-label={t('supply.results.title')}>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Title order={3}>{t('supply.results.title')}</Title>
            <Group gap="xs" align="flex-end">
              <LabelledSelect
                label={t('supply.results.period')}
                w={200}
                allowDeselect={false}
                data={periods.map((option) => ({ value: option.value, label: option.value === 'all' ? t('supply.results.wholeProgramme') : t('supply.results.year', { year: option.label }) }))}
                value={period}
                onChange={(value) => setPeriod(value ?? period)}
              />
              <Button leftSection={<IconFileSpreadsheet size={16} />} loading={run.isPending} onClick={() => report('programme-results')}>
                {t('supply.results.report')}
              </Button>
              <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => report('supply-bulletin')}>
                {t('supply.results.bulletin')}
              </Button>
            </Group>
          </Group>
          {results.isError ? <LoadError error={results.error} onRetry={() => void results.refetch()} /> : results.data ? <ResultsView results={results.data} /> : null}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-label={t('supply.programmes.membersTitle')}>
        <Stack gap="sm">
          <Title order={3}>{t('supply.programmes.membersTitle')}</Title>
          {programme.members.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('supply.programmes.noMembers')}
            </Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('supply.programmeForm.memberName')}</Table.Th>
                  <Table.Th>{t('supply.programmeForm.memberRole')}</Table.Th>
                  <Table.Th>{t('supply.programmeForm.memberPosition')}</Table.Th>
                  <Table.Th>{t('supply.programmeForm.memberPhone')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {programme.members.map((member, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>{member.name}</Table.Td>
                    <Table.Td>{member.role}</Table.Td>
                    <Table.Td>{member.position}</Table.Td>
                    <Table.Td>{member.phone}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>

      <ProgrammeEvents programme={programme} />

      <RecordHistory kind="programme" id={programme.id} folded />

      <FormModal opened={editing} onClose={edit.close} title={t('supply.programmeForm.editTitle')} size={880}>
        <ProgrammeForm
          initial={programme}
          onSaved={() => {
            edit.close();
            notifications.show({ color: 'teal', message: t('supply.saved') });
          }}
          onCancel={edit.close}
        />
      </FormModal>
      <ExcelJobModal jobId={jobId} title={t('reports.job.reportTitle')} onClose={closeJob} />
    </>
  );
}

/** The events held under the programme: listed, one added by searching its title, one taken off. */
function ProgrammeEvents({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const add = useSupplyWrite('programmes:addEvent');
  const removeEvent = useSupplyWrite('programmes:removeEvent');
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 200);
  const found = useEventList({ search: query, page: 1, pageSize: 20 });
  const linked = new Set(programme.events.map((event) => event.id));
  const failed = (error: unknown) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) });
  return (
    <Paper withBorder p="md" component="section" aria-label={t('supply.programmes.eventsTitle')}>
      <Stack gap="sm">
        <Title order={3}>{t('supply.programmes.eventsTitle')}</Title>
        {programme.events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('supply.programmes.noEvents')}
          </Text>
        ) : (
          <Stack gap={4}>
            {programme.events.map((event) => (
              <Group key={event.id} gap="xs">
                <Anchor size="sm" href={eventHref(event.id)}>
                  {event.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {formatDate(event.startsOn)}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={t('supply.programmes.removeEvent', { title: event.title })}
                  onClick={() => void removeEvent.mutateAsync({ programmeId: programme.id, eventId: event.id }).catch(failed)}
                >
                  <IconX size={14} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
        <LabelledSelect
          label={t('supply.programmes.addEvent')}
          placeholder={t('supply.programmes.addEventPlaceholder')}
          searchable
          w={480}
          filter={({ options }) => options}
          searchValue={search}
          onSearchChange={setSearch}
          nothingFoundMessage={found.isFetching ? t('common.loading') : t('supply.programmes.noEventFound')}
          data={(found.data?.rows ?? []).filter((event) => !linked.has(event.id)).map((event) => ({ value: String(event.id), label: `${event.title} (${formatDate(event.startsOn)})` }))}
          value={null}
          onChange={(value) => {
            if (value === null) return;
            setSearch('');
            void add.mutateAsync({ programmeId: programme.id, eventId: Number(value) }).catch(failed);
          }}
        />
      </Stack>
    </Paper>
  );
}
