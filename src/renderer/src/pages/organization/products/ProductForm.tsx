/** Adds or changes one product: name, group, unit, volume per year or season, price per unit. */
import { useState } from 'react';
import { NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea, Input } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Product, VolumePeriod } from '../../../../../shared/contract';
import { splitServerError } from '../../../forms/serverErrors';
import { useSaveProduct } from '../../../queries/register';
import { FormFooter } from '../../../components/FormFooter';

interface FormValues {
  name: string;
  productGroup: string;
  unit: string;
  volume: number | string;
  volumePeriod: VolumePeriod;
  price: number | string;
  note: string;
}

const fieldNames = ['name', 'productGroup', 'unit', 'volume', 'volumePeriod', 'price', 'note'];

export function ProductForm({ organizationId, existing, onDone }: { organizationId: number; existing?: Product; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveProduct();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<FormValues>({
    initialValues: {
      name: existing?.name ?? '',
      productGroup: existing?.productGroup ?? '',
      unit: existing?.unit ?? '',
      volume: existing?.volume ?? '',
      volumePeriod: existing?.volumePeriod ?? 'year',
      price: existing?.price ?? '',
      note: existing?.note ?? '',
    },
    validate: { name: (value) => (value.trim() === '' ? t('figures.products.form.nameRequired') : null) },
  });

  const submit = form.onSubmit((values) => {
    setGeneral(null);
    save.mutate(
      {
        id: existing?.id,
        organizationId,
        name: values.name,
        productGroup: values.productGroup,
        unit: values.unit,
        volume: typeof values.volume === 'number' ? values.volume : null,
        volumePeriod: values.volumePeriod,
        price: typeof values.price === 'number' ? values.price : null,
        note: values.note,
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('figures.products.form.saved', { name: saved.name }) });
          onDone();
        },
        onError: (error) => {
          const split = splitServerError(error, fieldNames, t('common.unexpectedError'));
          form.setErrors(split.fields);
          setGeneral(split.general);
        },
      },
    );
  });

  const unit = form.values.unit.trim();
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('figures.products.field.name')} required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('figures.products.field.productGroup')}
            placeholder={t('figures.products.form.productGroupPlaceholder')}
            {...form.getInputProps('productGroup')}
          />
          <TextInput
            label={t('figures.products.field.unit')}
            placeholder={t('figures.products.form.unitPlaceholder')}
            {...form.getInputProps('unit')}
          />
          <NumberInput
            label={t('figures.products.field.volume')}
            thousandSeparator="."
            decimalSeparator=","
            allowNegative={false}
            hideControls
            rightSection={unit ? <Text size="sm" c="dimmed" pr="xs">{unit}</Text> : undefined}
            rightSectionWidth={unit ? 'auto' : undefined}
            {...form.getInputProps('volume')}
          />
          <Input.Wrapper label={t('figures.products.field.volumePeriod')}>
            <SegmentedControl
              display="flex"
              data={[
                { value: 'year', label: t('figures.products.period.year') },
                { value: 'season', label: t('figures.products.period.season') },
              ]}
              {...form.getInputProps('volumePeriod')}
            />
          </Input.Wrapper>
          <NumberInput
            label={t('figures.products.field.price')}
            description={unit ? t('figures.products.form.pricePer', { unit }) : t('figures.products.form.pricePerUnit')}
            thousandSeparator="."
            decimalSeparator=","
            allowNegative={false}
            allowDecimal={false}
            hideControls
            rightSection={<Text size="sm" c="dimmed">₫</Text>}
            {...form.getInputProps('price')}
          />
        </SimpleGrid>
        <Textarea label={t('figures.products.field.note')} rows={2} {...form.getInputProps('note')} />
        <FormFooter error={general} submitLabel={t('figures.products.form.submit')} saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
