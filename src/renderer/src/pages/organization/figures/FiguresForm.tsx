/**
 * Adds or changes one year of an organization's figures. Every field is optional (an office often
 * knows only part of a year); the backend checks the rest and its messages go under their fields.
 */
import { NumberInput, SimpleGrid, Stack, Text, type NumberInputProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { classifications, type Classification } from '../../../../../shared/domain';
import { numericFigureFields, type YearlyFigures } from '../../../../../shared/contract';

type NumericFigureField = (typeof numericFigureFields)[number];
import { LabelledSelect } from '../../../components/LabelledSelect';
import { splitServerError } from '../../../forms/serverErrors';
import { useSaveFigures } from '../../../queries/register';
import { useState } from 'react';
import { FormFooter } from '../../../components/FormFooter';



type FormValues = { year: number | string; classification: string | null } & Record<NumericFigureField, number | string>;

const moneyFields: readonly NumericFigureField[] = ['revenue', 'profit', 'averageIncome', 'totalAssets'];

function numberOrNull(value: number | string): number | null {
  return typeof value === 'number' ? value : null;
}

interface FiguresFormProps {
  organizationId: number;
  /** The year being changed; absent to add a year. */
  existing?: YearlyFigures;
  /** Years that already have figures, so that adding one of them is refused before sending. */
  takenYears: number[];
  defaultYear: number;
  onDone: () => void;
}

export function FiguresForm({ organizationId, existing, takenYears, defaultYear, onDone }: FiguresFormProps) {
  const { t } = useTranslation();
  const save = useSaveFigures();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<FormValues>({
    initialValues: {
      year: existing?.year ?? defaultYear,
      classification: existing?.classification ?? null,
      ...(Object.fromEntries(numericFigureFields.map((field) => [field, existing?.[field] ?? ''])) as Record<NumericFigureField, number | string>),
    },
    validate: {
      year: (value) => {
        if (typeof value !== 'number') return t('figures.form.yearRequired');
        if (!existing && takenYears.includes(value)) return t('figures.form.yearTaken', { year: value });
        return null;
      },
    },
  });

  const submit = form.onSubmit((values) => {
    setGeneral(null);
    const input = {
      organizationId,
      year: Number(values.year),
      classification: (values.classification as Classification | null) ?? null,
      ...(Object.fromEntries(numericFigureFields.map((field) => [field, numberOrNull(values[field])])) as Record<NumericFigureField, number | null>),
    };
    save.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('figures.form.saved', { year: input.year }) });
        onDone();
      },
      onError: (error) => {
        const { fields, general: message } = splitServerError(error, ['year', 'classification', ...numericFigureFields], t('common.unexpectedError'));
        form.setErrors(fields);
        setGeneral(message);
      },
    });
  });

  const numberProps = (field: NumericFigureField): NumberInputProps => ({
    label: t(`figures.field.${field}`),
    thousandSeparator: '.',
    decimalSeparator: ',',
    allowDecimal: false,
    allowNegative: field === 'profit',
    hideControls: true,
    rightSection: moneyFields.includes(field) ? <Text size="sm" c="dimmed">₫</Text> : undefined,
    ...form.getInputProps(field),
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <NumberInput
          label={t('figures.field.year')}
          required
          disabled={Boolean(existing)}
          allowDecimal={false}
          allowNegative={false}
          w={140}
          {...form.getInputProps('year')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput {...numberProps('membersOfficial')} />
          <NumberInput {...numberProps('membersAssociate')} />
          <NumberInput {...numberProps('workers')} />
          <NumberInput {...numberProps('averageIncome')} description={t('figures.form.perMonth')} />
          <NumberInput {...numberProps('revenue')} />
          <NumberInput {...numberProps('profit')} description={t('figures.form.lossHint')} />
          <NumberInput {...numberProps('totalAssets')} />
          <div />
          <NumberInput {...numberProps('managers')} />
          <NumberInput {...numberProps('managersWithDegree')} />
          <LabelledSelect
            label={t('figures.field.classification')}
            placeholder={t('figures.classification.unclassified')}
            clearable
            data={classifications.map((value) => ({ value, label: t(`figures.classification.${value}`) }))}
            {...form.getInputProps('classification')}
          />
          <NumberInput {...numberProps('score')} max={100} min={0} description={t('figures.form.scoreHint')} />
        </SimpleGrid>
        <FormFooter error={general} submitLabel={t('figures.form.submit')} saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
