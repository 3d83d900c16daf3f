/** Adds or changes one product: name, group, unit, volume per year or season, price per unit. */
import { SegmentedControl, SimpleGrid, Stack, TextInput, Textarea, Input } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { QUANTITY_ENTRY_DECIMALS } from '../../../../../shared/agreements';
import { productValues, type Product, type VolumePeriod } from '../../../../../shared/contract';
import { FormFooter } from '../../../components/FormFooter';
import { NumberField, type NumberFieldValue } from '../../../components/NumberField';
import { useFormSave } from '../../../forms/oneSave';
import { useSaveProduct } from '../../../queries/register';

interface FormValues {
  name: string;
  productGroup: string;
  unit: string;
  volume: NumberFieldValue;
  volumePeriod: VolumePeriod;
  price: NumberFieldValue;
  note: string;
}

export function ProductForm({ organizationId, existing, onDone }: { organizationId: number; existing?: Product; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveProduct();
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: {
      name: existing?.name ?? '',
      productGroup: existing?.productGroup ?? '',
      unit: existing?.unit ?? '',
      volume: existing?.volume ?? null,
      volumePeriod: existing?.volumePeriod ?? 'year',
      price: existing?.price ?? null,
      note: existing?.note ?? '',
    },
    // The product as the contract reads it (its organization and id are added on saving).
    validate: schemaResolver(productValues, { sync: true }),
  });

  const { submit, saving, formError } = useFormSave({
    form,
    save: ({ volume, price, ...values }) => {
      // Unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (typeof volume === 'string' || typeof price === 'string') throw new Error('The schema has read the numbers.');
      // What the person typed, as typed: the backend cleans it with the same schema.
      return save.mutateAsync({ ...values, volume, price, id: existing?.id, organizationId });
    },
    onSaved: (saved) => {
      notifications.show({ color: 'teal', message: t('figures.products.form.saved', { name: saved.name }) });
      onDone();
    },
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
          <NumberField
            label={t('figures.products.field.volume')}
            decimals={QUANTITY_ENTRY_DECIMALS}
            unit={unit || undefined}
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
          <NumberField
            label={t('figures.products.field.price')}
            description={unit ? t('figures.products.form.pricePer', { unit }) : t('figures.products.form.pricePerUnit')}
            unit="₫"
            {...form.getInputProps('price')}
          />
        </SimpleGrid>
        <Textarea label={t('figures.products.field.note')} rows={2} {...form.getInputProps('note')} />
        <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('figures.products.form.submit')} saving={saving} onCancel={onDone} />
      </Stack>
    </form>
  );
}
