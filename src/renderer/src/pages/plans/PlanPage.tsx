/**
 * One plan: what it is and what it covers, then each target with its actual computed today against
 * the value and last year, its assessment by the stated rule, and the list of what counts; the
 * signed document, the year-end report, a copy for another year, and the change history.
 */
import { useCallback, useState, type SyntheticEvent } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Modal, Paper, Progress, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCopy, IconFileSpreadsheet, IconListSearch, IconPencil, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DrillRow, PlanDetail, TargetProgress } from '../../../../shared/contract';
import { formatDate, formatDateTime, formatPercent } from '../../../../shared/format';
import { QUANTITY_ENTRY_DECIMALS } from '../../../../shared/agreements';
import { formatTargetValue, organizationMetrics, type Measure, type TargetStatus } from '../../../../shared/plans';
import { call, messageOf } from '../../api';
import { AttachmentsSection } from '../../components/AttachmentsSection';
import { ExcelJobModal } from '../../components/ExportButton';
import { FormFooter } from '../../components/FormFooter';
import { NumberField, type NumberFieldValue } from '../../components/NumberField';
import { useOneSave } from '../../forms/oneSave';
import { LoadError } from '../../components/LoadError';
import { RecordHistory } from '../../components/RecordHistory';
import { useConfirmedDeletion } from '../../components/useConfirmedDeletion';
import { useAlliance } from '../../queries';
import { useEventNames } from '../../queries/events';
import { useSupplyLookups } from '../../queries/supply';
import {
  useAddPlanAttachment,
  useCopyPlan,
  useDeletePlan,
  useDrillDown,
  usePlan,
  useRemovePlanAttachment,
  useRestorePlan,
  useTypeActual,
} from '../../queries/plans';
import { agreementHref, eventHref, hrefOf, offerHref, organizationHref, planHref } from '../../routing/useHashRoute';
import { PlanForm } from './PlanForm';
import { formatPeriod, PlanStatusBadge } from './PlansPage';
import { FormModal } from '../../forms/unsavedChanges';

export const statusColors: Record<TargetStatus, string> = { met: 'teal', on_track: 'blue', at_risk: 'orange', missed: 'red', unknown: 'gray' };

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" tt="none" miw="max-content">
      {t(`plans.targetStatus.${status}`)}
    </Badge>
  );
}

/** What a measure counts, in words: "Số tổ chức hiện có · HTX · Nông nghiệp · hoạt động hiệu quả". */
function useMeasureText() {
  const { t } = useTranslation();
  const names = useEventNames();
  const units = useSupplyLookups().data?.units ?? [];
  return (measure: Measure): string => {
    const flags = (['effective', 'goodOrFair', 'linkedWithEnterprise', 'valueChain', 'highTech'] as const).filter((flag) => measure[flag]);
    return [
      t(`plans.metric.${measure.metric}`),
      measure.kinds.map((kind) => t(`organization.kindShort.${kind}`)).join(', '),
      measure.sectorGroup && organizationMetrics.includes(measure.metric) ? t(`plans.sectorGroup.${measure.sectorGroup}`) : '',
      ...flags.map((flag) => t(`plans.form.${flag}`).toLowerCase()),
      measure.ocopMinStars === null ? '' : `OCOP ${t('plans.form.ocopStars', { stars: measure.ocopMinStars }).toLowerCase()}`,
      measure.eventKind ? names.kind(measure.eventKind) : '',
      measure.agreementKind ? t(`agreements.kind.${measure.agreementKind}`) : '',
      measure.unitCode ? t('plans.page.inUnit', { unit: units.find((unit) => unit.code === measure.unitCode)?.name ?? measure.unitCode }) : '',
    ]
      .filter(Boolean)
      .join(' · ');
  };
}

function shown(target: TargetProgress, value: number | null): string {
  return value === null ? '—' : formatTargetValue(target.unit, target.unitLabel, value);
}

/**
 * A drill-down row's figure in the target's unit; a quantity too small to show in the three
 * decimals quantities are written with says so rather than reading as nothing.
 */
function drillValue(target: TargetProgress, value: number): string {
  const least = 10 ** -QUANTITY_ENTRY_DECIMALS;
  if (target.unit === 'quantity' && value > 0 && value < least / 2) return `< ${formatTargetValue(target.unit, target.unitLabel, least)}`;
  // A share's rows carry the numerator's figure (managers, members …), not a percentage.
  return target.unit === 'percent' ? value.toLocaleString('vi-VN') : formatTargetValue(target.unit, target.unitLabel, value);
}

function drillHref(row: DrillRow): string {
  if (row.kind === 'organization') return organizationHref(row.id);
  if (row.kind === 'offer') return offerHref(row.id);
  return row.kind === 'event' ? eventHref(row.id) : agreementHref(row.id);
}

function DrillTable({ target, rows, total, figure }: { target: TargetProgress; rows: DrillRow[]; total: number; figure: boolean }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text size="sm" c="dimmed">{t('plans.drill.empty')}</Text>;
  return (
    <Stack gap="xs">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.drill.name')}</Table.Th>
            <Table.Th>{t(rows[0]?.kind === 'offer' ? 'plans.drill.detailConnection' : 'plans.drill.detail')}</Table.Th>
            {figure && <Table.Th ta="right">{t('plans.drill.value')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.kind}-${String(row.id)}`}>
              <Table.Td>
                <Anchor href={drillHref(row)} size="sm">
                  {row.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{/^\d{4}-\d{2}-\d{2}$/.test(row.detail) ? formatDate(row.detail) : row.detail}</Table.Td>
              {figure && (
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {row.value === null ? '—' : drillValue(target, row.value)}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > rows.length && <Text size="sm" c="dimmed">{t('plans.drill.more', { count: total - rows.length })}</Text>}
    </Stack>
  );
}

const DRILL_ROWS = 200;

function DrillDown({ target, onClose }: { target: TargetProgress; onClose: () => void }) {
  const { t } = useTranslation();
  const [side, setSide] = useState<'counted' | 'notCounted'>('counted');
  const counted = useDrillDown({ targetId: target.id, side: 'counted', pageSize: DRILL_ROWS }, true);
  const notCounted = useDrillDown({ targetId: target.id, side: 'notCounted', pageSize: DRILL_ROWS }, counted.data?.notCounted !== null && counted.data !== undefined);
  const figure = target.measure !== null && !['organizations', 'founded', 'ended', 'events', 'agreements'].includes(target.measure.metric);
  const error = counted.error ?? notCounted.error;
  return (
    <Modal opened onClose={onClose} title={t('plans.drill.title', { target: target.title })} size="xl">
      {error && <LoadError error={error} onRetry={() => void counted.refetch()} />}
      {counted.data && (
        <Tabs value={side} onChange={(value) => setSide(value === 'notCounted' ? 'notCounted' : 'counted')}>
          <Tabs.List>
            <Tabs.Tab value="counted">{t('plans.drill.counted', { count: counted.data.counted.total })}</Tabs.Tab>
            {counted.data.notCounted !== null && (
              <Tabs.Tab value="notCounted">{t('plans.drill.notCounted', { count: notCounted.data?.notCounted?.total ?? 0 })}</Tabs.Tab>
            )}
          </Tabs.List>
          <Tabs.Panel value="counted" pt="sm">
            <DrillTable target={target} rows={counted.data.counted.rows} total={counted.data.counted.total} figure={figure} />
          </Tabs.Panel>
          <Tabs.Panel value="notCounted" pt="sm">
            {notCounted.data?.notCounted && <DrillTable target={target} rows={notCounted.data.notCounted.rows} total={notCounted.data.notCounted.total} figure={false} />}
          </Tabs.Panel>
        </Tabs>
      )}
    </Modal>
  );
}

function TypedActualDialog({ target, onClose }: { target: TargetProgress; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useTypeActual();
  const { saving, run } = useOneSave();
  const [actual, setActual] = useState<NumberFieldValue>(target.actual);
  const [note, setNote] = useState(target.typed?.note ?? '');
  const [by, setBy] = useState(target.typed?.by ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    // The field says itself what is wrong with what it holds.
    if (typeof actual === 'string') return;
    void run(async () => {
      setError(null);
      try {
        await save.mutateAsync({ targetId: target.id, actual, note, by });
        notifications.show({ color: 'teal', message: t('plans.typed.saved') });
        onClose();
        return true;
      } catch (failure) {
        setError(messageOf(failure, t('common.unexpectedError')));
        return false;
      }
    });
  };
  return (
    <FormModal opened onClose={onClose} title={t('plans.typed.title', { target: target.title })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NumberField data-autofocus label={t('plans.typed.actual')} decimals={3} value={actual} onChange={setActual} />
          <TextInput label={t('plans.typed.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
          <TextInput label={t('plans.typed.by')} required value={by} onChange={(event) => setBy(event.currentTarget.value)} />
          <FormFooter
            dirty={actual !== target.actual || note !== (target.typed?.note ?? '') || by !== (target.typed?.by ?? '')}
            error={error}
            submitLabel={t('plans.typed.save')}
            saving={saving}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </FormModal>
  );
}

function CopyDialog({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const copy = useCopyPlan();
  const { saving, run } = useOneSave();
  const [year, setYear] = useState<NumberFieldValue>(Number(plan.periodFrom.slice(0, 4)) + 1);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (typeof year !== 'number') return;
    void run(async () => {
      setError(null);
      try {
        const created = await copy.mutateAsync({ id: plan.id, year });
        notifications.show({ color: 'teal', message: t('plans.copy.done', { title: created.title }) });
        onClose();
        window.location.hash = planHref(created.id).slice(1);
        return true;
      } catch (failure) {
        setError(messageOf(failure, t('common.unexpectedError')));
        return false;
      }
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('plans.copy.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('plans.copy.hint')}
          </Text>
          <NumberField label={t('plans.copy.year')} grouping={false} min={1900} max={2200} value={year} onChange={setYear} />
          <FormFooter error={error} submitLabel={t('plans.copy.submit')} saving={saving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function TargetsTable({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const measureText = useMeasureText();
  const [drilled, setDrilled] = useState<TargetProgress | null>(null);
  const [typing, setTyping] = useState<TargetProgress | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="xs" aria-label={t('plans.page.targets')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>#</Table.Th>
              <Table.Th>{t('plans.page.target')}</Table.Th>
              <Table.Th>{t('plans.page.planned')}</Table.Th>
              <Table.Th>{t('plans.page.actual')}</Table.Th>
              <Table.Th w={150}>{t('plans.page.ofTarget')}</Table.Th>
              <Table.Th>{t('plans.page.previous')}</Table.Th>
              <Table.Th>{t('plans.page.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.targets.map((target, index) => (
              <Table.Tr key={target.id} data-target={target.title}>
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {target.title}
                  </Text>
                  {target.measure && (
                    <Text size="xs" c="dimmed">
                      {measureText(target.measure)}
                      {target.denominator && ` — ${t('plans.page.denominatorOf', { denominator: measureText(target.denominator) })}`}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{`${t(`plans.comparison.${target.comparison}`)} ${shown(target, target.value)}`}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} aria-label={t('plans.page.actual')}>
                    {shown(target, target.actual)}
                  </Text>
                  {target.numerator !== null && target.denominatorValue !== null && (
                    <Text size="xs" c="dimmed">
                      {t('plans.page.share', { numerator: target.numerator.toLocaleString('vi-VN'), denominator: target.denominatorValue.toLocaleString('vi-VN') })}
                    </Text>
                  )}
                  {target.typed && (
                    <Text size="xs" c="dimmed">
                      {target.typed.at ? t('plans.page.typedBy', { by: target.typed.by, at: formatDateTime(target.typed.at) }) : t('plans.page.typedNone')}
                      {target.typed.note && ` — ${target.typed.note}`}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {target.percentOfTarget === null ? (
                    '—'
                  ) : (
                    <Stack gap={2}>
                      <Text size="sm">{formatPercent(target.percentOfTarget)}</Text>
                      <Progress value={Math.min(100, target.percentOfTarget)} color={statusColors[target.status]} size="sm" aria-hidden />
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>{shown(target, target.previous)}</Table.Td>
                <Table.Td>
                  <TargetStatusBadge status={target.status} />
                </Table.Td>
                <Table.Td>
                  {target.measure ? (
                    <Tooltip label={t('plans.page.drill')}>
                      <ActionIcon variant="subtle" aria-label={t('plans.page.drill')} onClick={() => setDrilled(target)}>
                        <IconListSearch size={18} />
                      </ActionIcon>
                    </Tooltip>
                  ) : (
                    <Button size="compact-xs" variant="subtle" onClick={() => setTyping(target)}>
                      {t('plans.page.typeActual')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {drilled && <DrillDown target={drilled} onClose={() => setDrilled(null)} />}
      {typing && <TypedActualDialog target={typing} onClose={() => setTyping(null)} />}
    </>
  );
}

function ReportButton({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({ mutationFn: () => call('reports:planResults', { planId: plan.id }) });
  const close = useCallback(() => setJobId(null), []);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} />}
        loading={start.isPending}
        onClick={() =>
          start.mutate(undefined, {
            onSuccess: ({ jobId: started }) => setJobId(started),
            onError: (error) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) }),
          })
        }
      >
        {t('plans.page.report')}
      </Button>
      <ExcelJobModal jobId={jobId} title={t('plans.page.reportTitle')} onClose={close} />
    </>
  );
}

function PlanView({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const provinceCode = useAlliance().data?.provinceCode ?? '';
  const [editing, editForm] = useDisclosure(false);
  const [copying, copyForm] = useDisclosure(false);
  const remove = useDeletePlan();
  const restore = useRestorePlan();
  const addAttachment = useAddPlanAttachment();
  const removeAttachment = useRemovePlanAttachment();
  const confirmDelete = useConfirmedDeletion({
    messages: {
      title: t('plans.page.deleteTitle'),
      question: t('plans.page.deleteConfirm', { title: plan.title }),
      deleted: t('plans.page.deleted'),
      restored: t('plans.form.saved'),
    },
    remove: () => remove.mutateAsync({ id: plan.id }),
    restore: () => restore.mutateAsync({ id: plan.id }),
    list: 'ke-hoach',
    hrefOf: planHref,
  });
  const scope = [
    plan.communeNames.length ? plan.communeNames.join(', ') : t('plans.page.wholeProvince'),
    plan.organizationKinds.length ? plan.organizationKinds.map((kind) => t(`organization.kindShort.${kind}`)).join(', ') : t('plans.page.allKinds'),
    plan.sectorGroup ? t(`plans.sectorGroup.${plan.sectorGroup}`) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const previousYear = Number(plan.periodFrom.slice(0, 4)) - 1;

  return (
    <Stack>
      <Anchor href={hrefOf('ke-hoach')} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('plans.page.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="center" gap="xs">
        <Group gap="xs">
          <Badge variant="outline" tt="none">
            {t(`plans.kind.${plan.kind}`)}
          </Badge>
          <PlanStatusBadge plan={plan} />
        </Group>
        <Group gap="xs">
          <ReportButton plan={plan} />
          <Button variant="default" leftSection={<IconCopy size={16} />} onClick={copyForm.open}>
            {t('plans.page.copy')}
          </Button>
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editForm.open}>
            {t('plans.page.edit')}
          </Button>
          <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete}>
            {t('plans.page.delete')}
          </Button>
        </Group>
      </Group>
      <Title order={2}>{plan.title}</Title>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <div>
            <Text size="xs" c="dimmed">
              {t('plans.page.number')}
            </Text>
            <Text size="sm">{plan.number || '—'}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('plans.page.issued')}
            </Text>
            <Text size="sm">{plan.issuedOn || plan.issuer ? t('plans.page.issuedBy', { date: formatDate(plan.issuedOn), issuer: plan.issuer }) : '—'}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('plans.page.period')}
            </Text>
            <Text size="sm">{formatPeriod(plan)}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('plans.page.scope')}
            </Text>
            <Text size="sm">{scope}</Text>
          </div>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3}>{t('plans.page.targets')}</Title>
            <Text size="sm">{t('plans.page.elapsed', { percent: formatPercent(Math.round(plan.elapsed * 1000) / 10) })}</Text>
          </Group>
          <Progress value={plan.elapsed * 100} size="xs" color="gray" aria-label={t('plans.page.elapsed', { percent: formatPercent(Math.round(plan.elapsed * 1000) / 10) })} />
          <Text size="xs" c="dimmed">
            {t('plans.page.asOf', { date: formatDate(plan.asOf), year: plan.figureYear, previous: previousYear })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('plans.page.effectiveDefinition', { classes: plan.effectiveClassifications.map((code) => t(`figures.classification.${code}`)).join(', ') })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('plans.page.onTrackRule')}
          </Text>
          <TargetsTable plan={plan} />
        </Stack>
      </Paper>
      <AttachmentsSection
        title={t('plans.page.attachments')}
        hint={t('plans.page.attachmentsHint')}
        attachments={plan.attachments}
        calls={{
          add: (fileId) => addAttachment.mutateAsync({ planId: plan.id, fileId }),
          remove: (id) => removeAttachment.mutateAsync({ id }),
          read: (attachmentId, offset) => call('plans:readAttachment', { attachmentId, offset }),
          open: (attachmentId) => call('plans:openAttachment', { attachmentId }),
        }}
      />
      <RecordHistory kind="plan" id={plan.id} folded />
      <FormModal opened={editing} onClose={editForm.close} title={t('plans.form.editTitle')} size="80rem">
        <PlanForm
          initial={plan}
          provinceCode={provinceCode}
          onSaved={() => {
            editForm.close();
            notifications.show({ color: 'teal', message: t('plans.form.saved') });
          }}
          onCancel={editForm.close}
        />
      </FormModal>
      {copying && <CopyDialog plan={plan} onClose={copyForm.close} />}
    </Stack>
  );
}

export function PlanPage({ id }: { id: number }) {
  const plan = usePlan(id);
  if (plan.isError) return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return null;
  return <PlanView plan={plan.data} />;
}
