/**
 * Kết nối cung – cầu, `#/ket-noi-cung-cau/<tab>`: the programmes, what members offer, what buyers
 * ask for, the connections made, and the lookups (product groups, units, channels) the office keeps.
 */
import { Anchor, Button, EmptyState, Group, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch, IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDate } from '../../../../shared/format';
import { LoadError } from '../../components/LoadError';
import { notifyAdded } from '../../components/ListTable';
import { useProgrammes } from '../../queries/supply';
import { programmeHref, supplyHref, supplyTabs, type SupplyTab } from '../../routing/useHashRoute';
import { LookupsTab } from './LookupsTab';
import { ProgrammeForm } from './ProgrammeForm';
import { demandSide, offerSide } from './sides';
import { ConnectionsTab, PickDemandNotice, SupplyListTab } from './SupplyLists';
import { FormModal } from '../../forms/unsavedChanges';

export function SupplyDemandPage({ tab }: { tab: SupplyTab }) {
  const { t } = useTranslation();
  return (
    <Tabs
      value={tab}
      onChange={(next) => {
        const chosen = supplyTabs.find((candidate) => candidate === next);
        if (chosen) window.location.hash = supplyHref(chosen).slice(1);
      }}
      keepMounted={false}
    >
      <Tabs.List aria-label={t('supply.tabs')} mb="md">
        {supplyTabs.map((value) => (
          <Tabs.Tab key={value} value={value}>
            {t(`supply.tab.${value}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="chuong-trinh">
        <ProgrammesTab />
      </Tabs.Panel>
      <Tabs.Panel value="nguon-cung">
        <SupplyListTab spec={offerSide} />
      </Tabs.Panel>
      <Tabs.Panel value="nhu-cau">
        <PickDemandNotice />
        <SupplyListTab spec={demandSide} />
      </Tabs.Panel>
      <Tabs.Panel value="ket-noi">
        <ConnectionsTab />
      </Tabs.Panel>
      <Tabs.Panel value="danh-muc">
        <LookupsTab />
      </Tabs.Panel>
    </Tabs>
  );
}

/** The programmes, newest first: few enough to show all, each with what it holds. */
function ProgrammesTab() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 200);
  const programmes = useProgrammes(query);
  const [adding, addForm] = useDisclosure(false);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('supply.programmes.title')}</Title>
          <Text c="dimmed" maw={760}>
            {t('supply.programmes.intro')}
          </Text>
        </Stack>
        <Button leftSection={<IconPlus size={18} />} onClick={addForm.open}>
          {t('supply.programmes.add')}
        </Button>
      </Group>
      <TextInput
        maw={480}
        aria-label={t('supply.programmes.searchLabel')}
        placeholder={t('supply.programmes.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      {programmes.isError ? (
        <LoadError error={programmes.error} onRetry={() => void programmes.refetch()} />
      ) : programmes.data?.length === 0 ? (
        <EmptyState icon={<IconTargetArrow />} title={t('supply.programmes.emptyTitle')} description={t('supply.programmes.emptyDescription')} />
      ) : (
        <Table striped highlightOnHover withTableBorder aria-label={t('supply.programmes.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('supply.programmes.name')}</Table.Th>
              <Table.Th>{t('supply.programmeForm.decisionNo')}</Table.Th>
              <Table.Th>{t('supply.programmes.period')}</Table.Th>
              <Table.Th ta="right">{t('supply.programmes.offers')}</Table.Th>
              <Table.Th ta="right">{t('supply.programmes.demands')}</Table.Th>
              <Table.Th ta="right">{t('supply.programmes.connections')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(programmes.data ?? []).map((programme) => (
              <Table.Tr key={programme.id}>
                <Table.Td>
                  <Anchor size="sm" href={programmeHref(programme.id)}>
                    {programme.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{programme.decisionNo}</Table.Td>
                <Table.Td>{programme.endsOn === null ? t('supply.windowFrom', { from: formatDate(programme.startsOn) }) : `${formatDate(programme.startsOn)} – ${formatDate(programme.endsOn)}`}</Table.Td>
                <Table.Td ta="right">{formatCount(programme.offers)}</Table.Td>
                <Table.Td ta="right">{formatCount(programme.demands)}</Table.Td>
                <Table.Td ta="right">{formatCount(programme.connections)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <FormModal opened={adding} onClose={addForm.close} title={t('supply.programmeForm.addTitle')} size={880}>
        <ProgrammeForm
          onSaved={(programme) => {
            addForm.close();
            notifyAdded(t('supply.programmes.created', { name: programme.name }), programmeHref(programme.id), t('supply.open'));
          }}
          onCancel={addForm.close}
        />
      </FormModal>
    </Stack>
  );
}
