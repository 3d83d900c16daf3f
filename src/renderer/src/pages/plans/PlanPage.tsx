/**
 * One plan: what it is and what it covers, then each target with its actual computed today against
 * the value and last year, its assessment by the stated rule, and the list of what counts; the
 * signed document, the year-end report, a copy for another year, and the change history.
 */
import { useCallback, useState, type SyntheticEvent } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Modal, Paper, Progress, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCopy, IconFileSpreadsheet, IconListSearch, IconPencil, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { typedActualInput, type DrillRow, type PlanDetail, type TargetProgress } from '../../../../shared/contract';
import { formatDate, formatDateTime, formatPercent } from '../../../../shared/format';
import { QUANTITY_ENTRY_DECIMALS } from '../../../../shared/agreements';
import { formatTargetValue, organizationMetrics, type Measure, type TargetStatus } from '../../../../shared/plans';
import { ApiError, call, messageOf } from '../../api';
import { AttachmentsSection } from '../../components/AttachmentsSection';
import { SaveConflictNotice } from '../../components/DuplicateNotices';
import { ExcelJobModal } from '../../components/ExportButton';
import { FormFooter } from '../../components/FormFooter';
import { NumberField, type NumberFieldValue } from '../../components/NumberField';
import type { SaveConflict } from '../../forms/duplicateCheck';
import { useFormSave, useOneSave } from '../../forms/oneSave';
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
import { formatCount, formatMoneyExactIn, formatMoneyIn, moneyUnitFor } from '../organization/figures/numbers';

export const statusColors: Record<TargetStatus, string> = { met: 'teal', on_track: 'blue', at_risk: 'orange', missed: 'red', unknown: 'gray', not_started: 'gray' };

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

/**
 * How a target's figures are written: money as Tổng quan writes it, in triệu or tỷ đồng chosen by
 * the target's value (so that 929,18 tỷ đồng reads against 500 tỷ đồng, not in fifteen digits),
 * anything else in the target's unit.
 */
export function targetFigure(target: Pick<TargetProgress, 'unit' | 'unitLabel' | 'value'>, t: TFunction): (value: number) => string {
  if (target.unit === 'money') {
    const unit = moneyUnitFor(target.value);
    return (value) => formatMoneyIn(value, unit, t);
  }
  return (value) => formatTargetValue(target.unit, target.unitLabel, value);
}

/** A target's planned value in the unit `targetFigure` writes its figures in, but exact: 4.890.000 đồng is never «4,9 triệu». */
export function plannedFigure(target: Pick<TargetProgress, 'unit' | 'unitLabel' | 'value'>, t: TFunction): string {
  return target.unit === 'money' ? formatMoneyExactIn(target.value, moneyUnitFor(target.value), t) : targetFigure(target, t)(target.value);
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

/** What the form holds: the actual as the number field gives it, checked by the contract's schema. */
interface TypedActualValues {
  actual: NumberFieldValue;
  note: string;
  by: string;
}

const typedActualValues = typedActualInput.omit({ targetId: true });

function TypedActualDialog({ target, onClose }: { target: TargetProgress; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useTypeActual();
  // Who typed it is checked here, under its field, as every required field is; the backend still decides.
  const form = useForm<TypedActualValues>({
    mode: 'controlled',
    initialValues: { actual: target.actual, note: target.typed?.note ?? '', by: target.typed?.by ?? '' },
    validate: schemaResolver(typedActualValues, { sync: true }),
  });
  const { submit, saving, formError } = useFormSave({
    form,
    save: ({ actual, note, by }) => {
      // Unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (typeof actual === 'string') throw new Error('The schema requires the actual to be a number.');
      return save.mutateAsync({ targetId: target.id, actual, note, by });
    },
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('plans.typed.saved') });
      onClose();
    },
  });
  return (
    <FormModal opened onClose={onClose} title={t('plans.typed.title', { target: target.title })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NumberField data-autofocus label={t('plans.typed.actual')} decimals={3} {...form.getInputProps('actual')} />
          <TextInput label={t('plans.typed.note')} {...form.getInputProps('note')} />
          <TextInput label={t('plans.typed.by')} required {...form.getInputProps('by')} />
          <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('plans.typed.save')} saving={saving} onCancel={onClose} />
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
  // A year plan of that year and scope already there: the person may confirm the copy is another.
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  // `confirmedSimilarIds`: the year plans the conflict listed, which the person confirmed the copy is not.
  const copyTo = (confirmedSimilarIds: number[]) => {
    if (typeof year !== 'number') return;
    void run(async () => {
      setError(null);
      setConflict(null);
      try {
        const created = await copy.mutateAsync({ id: plan.id, year, confirmedSimilarIds });
        notifications.show({ color: 'teal', message: t('plans.copy.done', { title: created.title }) });
        onClose();
        window.location.hash = planHref(created.id).slice(1);
        return true;
      } catch (failure) {
        if (failure instanceof ApiError && failure.error.kind === 'conflict') {
          const { message, existingId, similar = [] } = failure.error;
          setConflict({ message, confirmable: similar.length > 0, existingId, similar });
        } else setError(messageOf(failure, t('common.unexpectedError')));
        return false;
      }
    });
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    copyTo([]);
  };
  return (
    <Modal opened onClose={onClose} title={t('plans.copy.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('plans.copy.hint')}
          </Text>
          <NumberField
            label={t('plans.copy.year')}
            grouping={false}
            min={1900}
            max={2200}
            value={year}
            onChange={(value) => {
              setYear(value);
              // The plan it named is of the year typed before.
              setConflict(null);
            }}
          />
          <FormFooter error={error} submitLabel={t('plans.copy.submit')} saving={saving} onCancel={onClose}>
            {conflict && (
              <SaveConflictNotice
                conflict={conflict}
                openLabels={{ refused: t('plans.form.viewSameYear'), confirmable: t('plans.form.viewSameYear') }}
                hrefOf={planHref}
                saving={saving}
                onSaveAnyway={() => copyTo((conflict.similar ?? []).map((record) => record.id))}
              />
            )}
          </FormFooter>
        </Stack>
      </form>
    </Modal>
  );
}

/** Before its first day a plan is not judged: its figures are today's state, for information. */
function notBegun(plan: PlanDetail): boolean {
  return plan.asOf < plan.periodFrom;
}

/** A figure with its unit kept on one line: "24.008 thành viên" never breaks before its unit. */
const oneLine = { whiteSpace: 'nowrap' } as const;

function TargetsTable({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const measureText = useMeasureText();
  const [drilled, setDrilled] = useState<TargetProgress | null>(null);
  const [typing, setTyping] = useState<TargetProgress | null>(null);
  const notStarted = notBegun(plan);
  return (
    <>
      <Table.ScrollContainer minWidth={960}>
        <Table striped verticalSpacing="xs" aria-label={t('plans.page.targets')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>#</Table.Th>
              {/* The wording of the target takes the room the figures leave, never less than a third:
                  beside figures that do not wrap, it was squeezed to a word a line. */}
              <Table.Th w="34%">{t('plans.page.target')}</Table.Th>
              <Table.Th>{t('plans.page.planned')}</Table.Th>
              <Table.Th>{notStarted ? t('plans.page.actualBeforeStart') : t('plans.page.actual')}</Table.Th>
              <Table.Th w={110}>{t('plans.page.ofTarget')}</Table.Th>
              <Table.Th>{t('plans.page.previous')}</Table.Th>
              <Table.Th>{t('plans.page.status')}</Table.Th>
              <Table.Th w={44} />
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
                  <Text size="xs" c="dimmed">
                    {target.measure
                      ? measureText(target.measure)
                      : t(target.cumulative ? 'plans.page.typedCumulative' : 'plans.page.typedAtPoint')}
                    {target.denominator && ` — ${t('plans.page.denominatorOf', { denominator: measureText(target.denominator) })}`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {/* The comparison may go above the value; the value stays whole. */}
                  {`${t(`plans.comparison.${target.comparison}`)} `}
                  <span style={oneLine}>{plannedFigure(target, t)}</span>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} style={oneLine} aria-label={notStarted ? t('plans.page.actualBeforeStart') : t('plans.page.actual')}>
                    {target.actual === null ? '—' : targetFigure(target, t)(target.actual)}
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
                      {/* No bar before the period begins: a bar reads as progress, and none has been made. */}
                      {target.status !== 'not_started' && (
                        <Progress value={Math.min(100, target.percentOfTarget)} color={statusColors[target.status]} size="sm" aria-hidden />
                      )}
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td style={oneLine}>{target.previous === null ? '—' : targetFigure(target, t)(target.previous)}</Table.Td>
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
                    <Tooltip label={t('plans.page.typeActual')}>
                      <ActionIcon variant="subtle" aria-label={t('plans.page.typeActual')} onClick={() => setTyping(target)}>
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
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
            {/* A copy not yet issued may name its issuer without a date: no dangling comma. */}
            <Text size="sm">{[formatDate(plan.issuedOn), plan.issuer].filter(Boolean).join(', ') || '—'}</Text>
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
          {notBegun(plan) ? (
            // Said plainly, not in the small print: the figures below are not the plan's results.
            <Text size="sm">
              {t('plans.page.notStarted', { date: formatDate(plan.periodFrom), today: formatDate(plan.asOf), year: plan.figureYear, previous: previousYear })}
            </Text>
          ) : (
            <Text size="xs" c="dimmed">
              {t('plans.page.asOf', { date: formatDate(plan.asOf), year: plan.figureYear, previous: previousYear })}
            </Text>
          )}
          {plan.figuresPending && (
            <Text size="sm" c="orange.8">
              {t('plans.page.figuresPending', {
                year: plan.figuresPending.year,
                reporting: formatCount(plan.figuresPending.reporting),
                existing: formatCount(plan.figuresPending.existing),
                reported: plan.figureYear,
              })}
            </Text>
          )}
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
