/**
 * Adds a plan with its targets, or edits one. Each target says how the app computes its actual (a
 * measure, and for a share its denominator) or that it is typed; the contract's schema gives
 * instant feedback, the backend still decides.
 */
import type { ReactNode } from 'react';
import { ActionIcon, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { planInput, type PlanDetail, type PlanInput, type PlanSummary } from '../../../../shared/contract';
import { agreementKinds, organizationKinds, sectorGroups, type OrganizationKind, type SectorGroup } from '../../../../shared/domain';
import {
  comparisons,
  metrics,
  moneyMetrics,
  organizationMetrics,
  planKinds,
  planStatuses,
  targetUnits,
  type Comparison,
  type Measure,
  type Metric,
  type PlanKind,
  type PlanStatus,
  type TargetUnit,
  typedCumulativeByDefault,
  volumeMetrics,
} from '../../../../shared/plans';
import { DateField } from '../../components/DateField';
import { SaveConflictNotice } from '../../components/DuplicateNotices';
import { FormFooter } from '../../components/FormFooter';
import { LabelledMultiSelect, LabelledSelect } from '../../components/LabelledSelect';
import { useSaveWithDuplicateCheck } from '../../forms/duplicateCheck';
import { NumberField, type NumberFieldValue } from '../../components/NumberField';
import { useCommunes } from '../../queries';
import { useCreatePlan, useUpdatePlan } from '../../queries/plans';
import { lookupOptions, useEventLookups } from '../../queries/events';
import { useSupplyLookups } from '../../queries/supply';
import { planHref } from '../../routing/useHashRoute';

interface TargetValues {
  id?: number;
  /** Keeps React's rows apart while targets are added and removed. */
  key: string;
  title: string;
  comparison: Comparison;
  value: NumberFieldValue;
  unit: TargetUnit;
  unitLabel: string;
  measure: Measure | null;
  denominator: Measure | null;
  /** Said of a typed target only (no measure); held meanwhile so that switching back keeps it. */
  typedCumulative: boolean;
  comment: string;
}

interface PlanValues {
  kind: PlanKind;
  number: string;
  title: string;
  issuedOn: string | null;
  issuer: string;
  periodFrom: string | null;
  periodTo: string | null;
  communeCodes: string[];
  organizationKinds: OrganizationKind[];
  sectorGroup: SectorGroup | null;
  status: PlanStatus;
  note: string;
  targets: TargetValues[];
}

let keys = 0;
const nextKey = () => `target-${String((keys += 1))}`;

function emptyMeasure(kinds: OrganizationKind[], sectorGroup: SectorGroup | null, metric: Metric = 'organizations'): Measure {
  return {
    metric,
    kinds,
    sectorGroup,
    effective: false,
    goodOrFair: false,
    linkedWithEnterprise: false,
    valueChain: false,
    highTech: false,
    ocopMinStars: null,
    eventKind: null,
    agreementKind: null,
    unitCode: null,
  };
}

function valuesOf(plan: PlanDetail | undefined): PlanValues {
  if (!plan) {
    const year = new Date().getFullYear();
    return {
      kind: 'year',
      number: '',
      title: '',
      issuedOn: null,
      issuer: '',
      periodFrom: `${String(year)}-01-01`,
      periodTo: `${String(year)}-12-31`,
      communeCodes: [],
      organizationKinds: [],
      sectorGroup: null,
      status: 'draft',
      note: '',
      targets: [],
    };
  }
  return {
    kind: plan.kind,
    number: plan.number,
    title: plan.title,
    issuedOn: plan.issuedOn,
    issuer: plan.issuer,
    periodFrom: plan.periodFrom,
    periodTo: plan.periodTo,
    communeCodes: plan.communeCodes,
    organizationKinds: plan.organizationKinds,
    sectorGroup: plan.sectorGroup,
    status: plan.status,
    note: plan.note,
    targets: plan.targets.map((target) => ({
      id: target.id,
      key: nextKey(),
      title: target.title,
      comparison: target.comparison,
      value: target.value,
      unit: target.unit,
      unitLabel: target.unitLabel,
      measure: target.measure,
      denominator: target.denominator,
      typedCumulative: target.measure === null ? target.cumulative : typedCumulativeByDefault(target.unit),
      comment: target.comment,
    })),
  };
}

interface MeasureFieldsProps {
  legend: string;
  measure: Measure | null;
  /** The units of measure a volume may be counted in, from Danh mục. */
  units?: { code: string; name: string }[];
  /** The numerator may be typed instead; a denominator may not. */
  allowTyped: boolean;
  onChange: (measure: Measure | null) => void;
  defaults: { kinds: OrganizationKind[]; sectorGroup: SectorGroup | null };
  error?: string;
  /** What is wrong with a volume's unit, shown under its own field. */
  unitError?: string;
  /** What a typed actual says of itself, under the choice of typing it. */
  children?: ReactNode;
}

const TYPED = 'typed';

/** How an actual is computed: the metric, then what narrows it (kinds, sector, flags, OCOP stars, kind of event or agreement). */
function MeasureFields({ legend, measure, units = [], allowTyped, onChange, defaults, error, unitError, children }: MeasureFieldsProps) {
  const { t } = useTranslation();
  const eventLookups = useEventLookups();
  const change = (patch: Partial<Measure>) => {
    if (measure) onChange({ ...measure, ...patch });
  };
  const metricOptions = [
    ...metrics.map((metric) => ({ value: metric, label: t(`plans.metric.${metric}`) })),
    ...(allowTyped ? [{ value: TYPED, label: t('plans.form.typed') }] : []),
  ];
  const ofOrganizations = measure !== null && organizationMetrics.includes(measure.metric);
  const flags = ['effective', 'goodOrFair', 'linkedWithEnterprise', 'valueChain', 'highTech'] as const;
  return (
    <Fieldset legend={legend} variant="filled">
      <Stack gap="xs">
        <LabelledSelect
          label={t('plans.form.metricSelect')}
          allowDeselect={false}
          data={metricOptions}
          value={measure?.metric ?? TYPED}
          error={error}
          onChange={(value) => {
            const metric = metrics.find((candidate) => candidate === value);
            const base = measure ?? emptyMeasure(defaults.kinds, defaults.sectorGroup);
            // A sector narrows only organizations counted: events, agreements and volumes keep none.
            onChange(metric ? { ...base, metric, sectorGroup: organizationMetrics.includes(metric) ? base.sectorGroup : null } : null);
          }}
        />
        {measure !== null && measure.metric !== 'events' && (
          <SimpleGrid cols={2}>
            <Checkbox.Group label={t('plans.form.measureKinds')} value={measure.kinds} onChange={(kinds) => change({ kinds: organizationKinds.filter((kind) => kinds.includes(kind)) })}>
              <Group gap="sm" mt={4}>
                {organizationKinds.map((kind) => (
                  <Checkbox key={kind} value={kind} label={t(`organization.kindShort.${kind}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            {ofOrganizations && (
              <LabelledSelect
                label={t('plans.form.measureSector')}
                placeholder={t('plans.form.sectorGroupPlaceholder')}
                clearable
                data={sectorGroups.map((group) => ({ value: group, label: t(`plans.sectorGroup.${group}`) }))}
                value={measure.sectorGroup}
                onChange={(value) => change({ sectorGroup: sectorGroups.find((group) => group === value) ?? null })}
              />
            )}
          </SimpleGrid>
        )}
        {ofOrganizations && (
          <Group gap="md" align="flex-end">
            {flags.map((flag) => (
              <Checkbox key={flag} label={t(`plans.form.${flag}`)} checked={measure[flag]} onChange={(event) => change({ [flag]: event.currentTarget.checked })} />
            ))}
            <LabelledSelect
              label={t('plans.form.ocop')}
              w={150}
              allowDeselect={false}
              data={[{ value: '0', label: t('plans.form.ocopAny') }, ...[1, 2, 3, 4, 5].map((stars) => ({ value: String(stars), label: t('plans.form.ocopStars', { stars }) }))]}
              value={String(measure.ocopMinStars ?? 0)}
              onChange={(value) => change({ ocopMinStars: value === null || value === '0' ? null : Number(value) })}
            />
          </Group>
        )}
        {measure !== null && volumeMetrics.includes(measure.metric) && (
          <LabelledSelect
            label={t('plans.form.volumeUnit')}
            description={t('plans.form.volumeUnitHint')}
            required
            searchable
            // "tan" finds tấn, as every search does.
            data={units.map((unit) => ({ value: unit.code, label: unit.name }))}
            value={measure.unitCode}
            error={unitError}
            onChange={(value) => change({ unitCode: value })}
          />
        )}
        {measure?.metric === 'events' && (
          <LabelledSelect
            label={t('plans.form.eventKind')}
            placeholder={t('plans.form.allKinds')}
            clearable
            data={lookupOptions(eventLookups.data?.kinds, measure.eventKind)}
            value={measure.eventKind}
            onChange={(value) => change({ eventKind: value || null })}
          />
        )}
        {(measure?.metric === 'agreements' || measure?.metric === 'agreementValue') && (
          <LabelledSelect
            label={t('plans.form.agreementKind')}
            placeholder={t('plans.form.allKinds')}
            clearable
            data={agreementKinds.map((kind) => ({ value: kind, label: t(`agreements.kind.${kind}`) }))}
            value={measure.agreementKind}
            onChange={(value) => change({ agreementKind: agreementKinds.find((kind) => kind === value) ?? null })}
          />
        )}
        {children}
      </Stack>
    </Fieldset>
  );
}

interface PlanFormProps {
  initial?: PlanDetail;
  provinceCode: string;
  onSaved: (plan: PlanSummary) => void;
  onCancel: () => void;
}

export function PlanForm({ initial, provinceCode, onSaved, onCancel }: PlanFormProps) {
  const { t } = useTranslation();
  const communes = useCommunes(provinceCode);
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const form = useForm<PlanValues>({
    mode: 'controlled',
    initialValues: valuesOf(initial),
    validate: schemaResolver(planInput, { sync: true }),
  });
  const defaults = { kinds: form.values.organizationKinds, sectorGroup: form.values.sectorGroup };
  const units = useSupplyLookups().data?.units ?? [];

  const { submit, saveAnyway, conflict, saving, formError } = useSaveWithDuplicateCheck({
    form,
    // Null is unreachable once the schema has passed; it tells the type checker what the schema checked.
    inputOf: (values): PlanInput | null => {
      const { periodFrom, periodTo } = values;
      if (periodFrom === null || periodTo === null) return null;
      // Whether a target adds up is said only of a typed one: a measured one's follows from its metric.
      const targets = values.targets.flatMap(({ key: _key, value, typedCumulative, ...target }) =>
        typeof value === 'number' ? [{ ...target, value, typedCumulative: target.measure === null ? typedCumulative : undefined }] : [],
      );
      if (targets.length !== values.targets.length) return null;
      return { ...values, periodFrom, periodTo, targets };
    },
    persist: (input) => (initial ? update.mutateAsync({ ...input, id: initial.id }) : create.mutateAsync(input)),
    onSaved,
    // Another year plan of the same year and scope: the person says whether this one is another.
    fieldPaths: (values) => [
      ...Object.keys(values),
      ...values.targets.flatMap((_, index) => ['title', 'value', 'unit', 'unitLabel', 'denominator', 'measure', 'measure.unitCode'].map((field) => `targets.${String(index)}.${field}`)),
    ],
  });

  const addTarget = () =>
    form.insertListItem('targets', {
      key: nextKey(),
      title: '',
      comparison: 'at_least',
      value: null,
      unit: 'count',
      unitLabel: '',
      measure: emptyMeasure(defaults.kinds, defaults.sectorGroup),
      denominator: null,
      typedCumulative: typedCumulativeByDefault('count'),
      comment: '',
    } satisfies TargetValues);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <LabelledSelect
            label={t('plans.form.kind')}
            required
            allowDeselect={false}
            data={planKinds.map((kind) => ({ value: kind, label: t(`plans.kind.${kind}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('plans.form.number')} placeholder={t('plans.form.numberPlaceholder')} {...form.getInputProps('number')} />
          <LabelledSelect
            label={t('plans.form.status')}
            required
            allowDeselect={false}
            data={planStatuses.map((status) => ({ value: status, label: t(`plans.status.${status}`) }))}
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        <TextInput label={t('plans.form.title')} required {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <DateField label={t('plans.form.issuedOn')} {...form.getInputProps('issuedOn')} />
          <TextInput label={t('plans.form.issuer')} placeholder={t('plans.form.issuerPlaceholder')} {...form.getInputProps('issuer')} />
          <DateField label={t('plans.form.periodFrom')} required {...form.getInputProps('periodFrom')} />
          <DateField label={t('plans.form.periodTo')} required minDate={form.values.periodFrom ?? undefined} {...form.getInputProps('periodTo')} />
        </SimpleGrid>
        <LabelledMultiSelect
          label={t('plans.form.communes')}
          description={t('plans.form.communesHint')}
          placeholder={form.values.communeCodes.length ? undefined : t('plans.form.communesPlaceholder')}
          searchable
          clearable
          data={(communes.data ?? []).map((commune) => ({ value: commune.code, label: commune.fullName }))}
          {...form.getInputProps('communeCodes')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Checkbox.Group
            label={t('plans.form.kinds')}
            value={form.values.organizationKinds}
            onChange={(kinds) => form.setFieldValue('organizationKinds', organizationKinds.filter((kind) => kinds.includes(kind)))}
          >
            <Group gap="sm" mt={4}>
              {organizationKinds.map((kind) => (
                <Checkbox key={kind} value={kind} label={t(`organization.kindShort.${kind}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <LabelledSelect
            label={t('plans.form.sectorGroup')}
            placeholder={t('plans.form.sectorGroupPlaceholder')}
            clearable
            data={sectorGroups.map((group) => ({ value: group, label: t(`plans.sectorGroup.${group}`) }))}
            {...form.getInputProps('sectorGroup')}
          />
        </SimpleGrid>
        <Textarea label={t('plans.form.note')} autosize minRows={1} maxRows={4} {...form.getInputProps('note')} />

        <Text fw={600}>{t('plans.form.targets')}</Text>
        {form.values.targets.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('plans.form.noTargets')}
          </Text>
        )}
        {form.values.targets.map((target, index) => {
          const number = index + 1;
          const path = `targets.${String(index)}`;
          const volume = target.measure !== null && volumeMetrics.includes(target.measure.metric);
          const money = target.measure !== null && moneyMetrics.includes(target.measure.metric);
          return (
            <Fieldset key={target.key} legend={t('plans.form.target', { number })}>
              <Stack gap="xs">
                <Group align="flex-end" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('plans.form.targetTitle')}
                    placeholder={t('plans.form.targetTitlePlaceholder')}
                    required
                    {...form.getInputProps(`${path}.title`)}
                  />
                  <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('plans.form.removeTarget', { number })} onClick={() => form.removeListItem('targets', index)}>
                    <IconTrash size={18} />
                  </ActionIcon>
                </Group>
                <SimpleGrid cols={{ base: 2, sm: 4 }}>
                  <LabelledSelect
                    label={t('plans.form.comparison')}
                    allowDeselect={false}
                    data={comparisons.map((comparison) => ({ value: comparison, label: t(`plans.comparison.${comparison}`) }))}
                    {...form.getInputProps(`${path}.comparison`)}
                  />
                  {/* An amount is read as offices write it («1,5 tỷ»), and what it was read as is said beneath. */}
                  <NumberField label={t('plans.form.value')} required decimals={3} writtenAmounts={target.unit === 'money'} {...form.getInputProps(`${path}.value`)} />
                  <LabelledSelect
                    label={t('plans.form.unit')}
                    allowDeselect={false}
                    // A volume's unit and an amount's follow from what is counted (a target saved
                    // before the amount's was set may still be changed to it).
                    disabled={volume || (money && target.unit === 'money')}
                    data={targetUnits.map((unit) => ({ value: unit, label: t(`plans.unit.${unit}`) }))}
                    {...form.getInputProps(`${path}.unit`)}
                    onChange={(value) => {
                      const unit = targetUnits.find((candidate) => candidate === value) ?? 'count';
                      form.setFieldValue(`${path}.unit`, unit);
                      // A share typed is a state, a count typed adds up: the person may still say otherwise.
                      form.setFieldValue(`${path}.typedCumulative`, typedCumulativeByDefault(unit));
                      form.setFieldValue(
                        `${path}.denominator`,
                        unit === 'percent' && target.measure ? (target.denominator ?? emptyMeasure(target.measure.kinds, target.measure.sectorGroup)) : null,
                      );
                    }}
                  />
                  <TextInput
                    label={t('plans.form.unitLabel')}
                    placeholder={t('plans.form.unitLabelPlaceholder')}
                    // A volume's unit is the one chosen for it below (Danh mục), not typed.
                    disabled={target.unit === 'percent' || target.unit === 'money' || volume}
                    description={volume ? t('plans.form.unitLabelOfVolume') : undefined}
                    {...form.getInputProps(`${path}.unitLabel`)}
                  />
                </SimpleGrid>
                <MeasureFields
                  legend={t('plans.form.metric')}
                  measure={target.measure}
                  units={units}
                  allowTyped
                  defaults={defaults}
                  error={form.errors[`${path}.measure`] as string | undefined}
                  unitError={form.errors[`${path}.measure.unitCode`] as string | undefined}
                  onChange={(measure) => {
                    form.setFieldValue(`${path}.measure`, measure);
                    // Its unit is part of the measure: a message about it goes once it is chosen.
                    form.clearFieldError(`${path}.measure.unitCode`);
                    // A volume is a quantity in the unit chosen for it: the target says that unit, from the moment the volume is chosen.
                    if (measure && volumeMetrics.includes(measure.metric)) {
                      form.setFieldValue(`${path}.unit`, 'quantity');
                      form.setFieldValue(`${path}.unitLabel`, units.find((candidate) => candidate.code === measure.unitCode)?.name ?? '');
                      form.setFieldValue(`${path}.denominator`, null);
                    } else if (measure && moneyMetrics.includes(measure.metric)) {
                      // Revenue, income, agreements' value are in đồng: the target reads «30 tỷ đồng», not a bare number.
                      form.setFieldValue(`${path}.unit`, 'money');
                      form.setFieldValue(`${path}.unitLabel`, '');
                      form.setFieldValue(`${path}.denominator`, null);
                    } else if (measure === null) form.setFieldValue(`${path}.denominator`, null);
                    else if (target.unit === 'percent' && target.denominator === null) form.setFieldValue(`${path}.denominator`, emptyMeasure(measure.kinds, measure.sectorGroup));
                  }}
                >
                  {target.measure === null && (
                    <Checkbox
                      label={t('plans.form.typedCumulative')}
                      description={t('plans.form.typedCumulativeHint')}
                      {...form.getInputProps(`${path}.typedCumulative`, { type: 'checkbox' })}
                    />
                  )}
                </MeasureFields>
                {target.unit === 'percent' && target.measure !== null && (
                  <MeasureFields
                    legend={t('plans.form.denominator')}
                    measure={target.denominator}
                    allowTyped={false}
                    defaults={defaults}
                    error={form.errors[`${path}.denominator`] as string | undefined}
                    onChange={(denominator) => form.setFieldValue(`${path}.denominator`, denominator)}
                  />
                )}
                <TextInput label={t('plans.form.comment')} {...form.getInputProps(`${path}.comment`)} />
              </Stack>
            </Fieldset>
          );
        })}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={addTarget}>
            {t('plans.form.addTarget')}
          </Button>
        </Group>
        <FormFooter dirty={form.isDirty()} error={formError} submitLabel={initial ? t('plans.form.save') : t('plans.form.create')} saving={saving} onCancel={onCancel}>
          {conflict && (
            <SaveConflictNotice
              conflict={conflict}
              openLabels={{ refused: t('plans.form.viewSameYear'), confirmable: t('plans.form.viewSameYear') }}
              hrefOf={planHref}
              saving={saving}
              onSaveAnyway={saveAnyway}
            />
          )}
        </FormFooter>
      </Stack>
    </form>
  );
}
