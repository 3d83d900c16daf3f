/**
 * Adds or changes one year of an organization's figures. Every field is optional (an office often
 * knows only part of a year). The contract's schema checks each figure as it is typed; the backend
 * still decides, and its messages go under their fields.
 */
import { SimpleGrid, Stack } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { classifications, type Classification } from '../../../../../shared/domain';
import {
  figuresSaveInput,
  figuresYearRefusal,
  FIRST_FIGURES_YEAR,
  numericFigureFields,
  profitAboveRevenue,
  yearOutsideLifeReason,
  type OrganizationDetail,
  type YearlyFigures,
} from '../../../../../shared/contract';
import { lastYear } from '../../../clock';
import { FormFooter } from '../../../components/FormFooter';
import { LabelledSelect } from '../../../components/LabelledSelect';
import { NumberField, type NumberFieldValue } from '../../../components/NumberField';
import { useFormSave } from '../../../forms/oneSave';
import { useSaveFigures } from '../../../queries/register';
import { countReading } from './countReading';
import { confirmProfitAboveRevenue, figureOf } from './profitAboveRevenue';
import { bareAmountDoubt, figureAmountReading } from './amountDoubt';

type NumericFigureField = (typeof numericFigureFields)[number];

type FormValues = { year: NumberFieldValue; classification: Classification | null } & Record<NumericFigureField, NumberFieldValue>;

/** Amounts in đồng: read also as a list writes them («1,5 tỷ», «2 triệu»), as the year grid and the Excel import do. */
const moneyFields: readonly NumericFigureField[] = ['revenue', 'profit', 'averageIncome', 'totalAssets'];

/** The figures as the contract reads them (the organization is added on saving). */
const valuesSchema = figuresSaveInput.omit({ organizationId: true });

interface FiguresFormProps {
  /** Its name and life: a year it did not exist in is refused before sending, as the backend would. */
  organization: Pick<OrganizationDetail, 'id' | 'name' | 'foundedOn' | 'endedOn'>;
  /** The year being changed; absent to add a year. */
  existing?: YearlyFigures;
  /** Years that already have figures, so that adding one of them is refused before sending. */
  takenYears: number[];
  defaultYear: number;
  onDone: () => void;
}

export function FiguresForm({ organization, existing, takenYears, defaultYear, onDone }: FiguresFormProps) {
  const { t } = useTranslation();
  const save = useSaveFigures();
  const schemaErrors = schemaResolver(valuesSchema, { sync: true });
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: {
      year: existing?.year ?? defaultYear,
      classification: existing?.classification ?? null,
      ...(Object.fromEntries(numericFigureFields.map((field) => [field, existing?.[field] ?? null])) as Record<NumericFigureField, NumberFieldValue>),
    },
    validate: (values) => {
      const errors = schemaErrors(values);
      if (values.year === null) errors.year = t('figures.form.yearRequired');
      else if (!existing && typeof values.year === 'number' && takenYears.includes(values.year)) {
        errors.year = t('figures.form.yearTaken', { year: values.year });
      } else if (typeof values.year === 'number') {
        // Here, before the profit is asked about: a person who answers that question must not be refused the year after.
        const refusal = figuresYearRefusal(values.year, lastYear() + 1) ?? yearOutsideLifeReason(organization, values.year);
        if (refusal) errors.year = refusal;
      }
      return errors;
    },
  });

  // Said beneath the profit as it is typed, and asked again on saving.
  const profitAbove = profitAboveRevenue({ revenue: figureOf(form.values.revenue), profit: figureOf(form.values.profit) });

  const { submit, saving, formError } = useFormSave({
    form,
    confirm: (values) => {
      const { data } = valuesSchema.safeParse(values);
      const asked = data && { year: data.year, revenue: data.revenue ?? null, profit: data.profit ?? null };
      return asked && profitAboveRevenue(asked) ? confirmProfitAboveRevenue(asked, form.getInputNode('profit')) : Promise.resolve(true);
    },
    save: (values) => {
      const { data } = valuesSchema.safeParse(values);
      // Unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (!data) throw new Error('The schema has checked the figures.');
      return save.mutateAsync({ ...data, organizationId: organization.id });
    },
    onSaved: (saved) => {
      notifications.show({ color: 'teal', message: t('figures.form.saved', { year: saved.year }) });
      onDone();
    },
  });

  const figure = (field: NumericFigureField, description?: string, warned = false) => (
    <NumberField
      label={t(`figures.field.${field}`)}
      description={description}
      // A warning, not a refusal: orange beneath the box, which still takes the number.
      styles={warned ? { description: { color: 'var(--mantine-color-orange-8)', fontWeight: 500 } } : undefined}
      // The hint goes under the box, so that the boxes of a row stay level.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      min={field === 'profit' ? null : 0}
      max={field === 'score' ? 100 : undefined}
      unit={moneyFields.includes(field) ? '₫' : undefined}
      writtenAmounts={moneyFields.includes(field) ? figureAmountReading(field) : false}
      readWithUnit={countReading(t, field)}
      doubtBare={bareAmountDoubt(t, field)}
      {...form.getInputProps(field)}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <NumberField
          label={t('figures.field.year')}
          required
          disabled={Boolean(existing)}
          min={FIRST_FIGURES_YEAR}
          grouping={false}
          // The box narrow, its message as wide as the form: «… đã chấm dứt hoạt động từ ngày …» reads on one line.
          styles={{ input: { width: 140 } }}
          {...form.getInputProps('year')}
        />
        {/* Three to a row, people then money then managers: the whole year fits 768 px with its save button. */}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {figure('membersOfficial')}
          {figure('membersAssociate')}
          {figure('workers')}
          {figure('revenue')}
          {profitAbove ? figure('profit', t('figures.profitAboveRevenue.field'), true) : figure('profit', t('figures.form.lossHint'))}
          {figure('totalAssets')}
          {figure('averageIncome', t('figures.form.perMonth'))}
          {figure('managers')}
          {figure('managersWithDegree')}
          <LabelledSelect
            label={t('figures.field.classification')}
            placeholder={t('figures.classification.unclassified')}
            clearable
            data={classifications.map((value) => ({ value, label: t(`figures.classification.${value}`) }))}
            {...form.getInputProps('classification')}
          />
          {figure('score', t('figures.form.scoreHint'))}
        </SimpleGrid>
        <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('figures.form.submit')} saving={saving} onCancel={onDone} />
      </Stack>
    </form>
  );
}
