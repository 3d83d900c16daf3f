/**
 * Ghi nhận giao hàng: one delivery against one commitment, in the commitment's unit, with what has
 * been delivered so far shown beside it. Also corrects a delivery already logged.
 */
import { Alert, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { overDelivery, QUANTITY_ENTRY_DECIMALS, roundQuantity } from '../../../../shared/agreements';
import { deliveryInput, type AgreementDelivery, type AgreementDetail } from '../../../../shared/contract';
import { formatPercent, formatQuantity } from '../../../../shared/format';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { LabelledSelect } from '../../components/LabelledSelect';
import { NumberField, type NumberFieldValue } from '../../components/NumberField';
import { useFormSave } from '../../forms/oneSave';
import { useAddDelivery, useUpdateDelivery } from '../../queries/agreements';
import { FormModal } from '../../forms/unsavedChanges';

interface DeliveryValues {
  commitmentId: number | null;
  deliveredOn: string | null;
  quantity: NumberFieldValue;
  value: NumberFieldValue;
  note: string;
}

interface DeliveryDialogProps {
  agreement: AgreementDetail;
  /** The delivery being corrected; absent to record a new one. */
  delivery?: AgreementDelivery;
  /** The commitment to record against, when the person chose it on its row. */
  commitmentId?: number;
  onClose: () => void;
}

export function DeliveryDialog({ agreement, delivery, commitmentId, onClose }: DeliveryDialogProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened onClose={onClose} title={delivery ? t('agreements.deliveries.editTitle') : t('agreements.deliveries.dialogTitle')} size="lg">
      <DeliveryForm agreement={agreement} delivery={delivery} commitmentId={commitmentId} onClose={onClose} />
    </FormModal>
  );
}

function DeliveryForm({ agreement, delivery, commitmentId, onClose }: DeliveryDialogProps) {
  const { t } = useTranslation();
  const add = useAddDelivery();
  const update = useUpdateDelivery();
  const onlyOne = agreement.commitments.length === 1 ? agreement.commitments[0]?.id : undefined;
  const form = useForm<DeliveryValues>({
    mode: 'controlled',
    initialValues: delivery
      ? { commitmentId: delivery.commitmentId, deliveredOn: delivery.deliveredOn, quantity: delivery.quantity, value: delivery.value, note: delivery.note }
      : { commitmentId: commitmentId ?? onlyOne ?? null, deliveredOn: dayjs().format('YYYY-MM-DD'), quantity: null, value: null, note: '' },
    validate: schemaResolver(deliveryInput, { sync: true }),
  });
  const chosen = agreement.commitments.find((commitment) => commitment.id === form.values.commitmentId);
  // What the commitment will have delivered once this is saved: a correction replaces its old quantity.
  const typed = form.values.quantity;
  const deliveredAfter =
    chosen && typeof typed === 'number'
      ? roundQuantity(chosen.delivered - (delivery && delivery.commitmentId === chosen.id ? delivery.quantity : 0) + typed)
      : null;
  const over = chosen && deliveredAfter !== null ? overDelivery({ quantity: chosen.quantity, delivered: deliveredAfter }) : 0;

  const { submit, saving, formError } = useFormSave({
    form,
    save: async ({ commitmentId: chosenId, deliveredOn, quantity, value, note }) => {
      // Unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (chosenId === null || deliveredOn === null || typeof quantity !== 'number' || typeof value === 'string') {
        throw new Error('The schema requires a commitment, a date and a quantity.');
      }
      const fields = { deliveredOn, quantity, value, note };
      if (delivery) await update.mutateAsync({ id: delivery.id, ...fields });
      else await add.mutateAsync({ commitmentId: chosenId, ...fields });
    },
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('agreements.deliveries.saved') });
      onClose();
    },
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <LabelledSelect
          label={t('agreements.deliveries.commitment')}
          placeholder={t('agreements.deliveries.commitmentPlaceholder')}
          required
          allowDeselect={false}
          disabled={delivery !== undefined}
          data={agreement.commitments.map((commitment) => ({
            value: String(commitment.id),
            label: `${commitment.product} — ${formatQuantity(commitment.quantity, commitment.unit)}`,
          }))}
          value={form.values.commitmentId === null ? null : String(form.values.commitmentId)}
          onChange={(value) => form.setFieldValue('commitmentId', value === null ? null : Number(value))}
          error={form.errors.commitmentId}
        />
        {chosen && (
          <Text size="sm" c="dimmed">
            {t('agreements.deliveries.soFar', {
              delivered: formatQuantity(chosen.delivered, ''),
              committed: formatQuantity(chosen.quantity, chosen.unit),
              percent: formatPercent(chosen.fulfilment),
            })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={t('agreements.deliveries.deliveredOn')} required {...form.getInputProps('deliveredOn')} />
          <NumberField
            label={t('agreements.deliveries.quantity')}
            required
            positive
            decimals={QUANTITY_ENTRY_DECIMALS}
            unit={chosen?.unit}
            {...form.getInputProps('quantity')}
          />
        </SimpleGrid>
        {chosen && deliveredAfter !== null && over > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle />} title={t('agreements.deliveries.overTitle')} role="status">
            {t('agreements.deliveries.over', {
              total: formatQuantity(deliveredAfter, chosen.unit),
              committed: formatQuantity(chosen.quantity, chosen.unit),
              over: formatQuantity(over, chosen.unit),
            })}
          </Alert>
        )}
        <NumberField label={t('agreements.deliveries.value')} unit="₫" {...form.getInputProps('value')} />
        <TextInput label={t('agreements.deliveries.note')} placeholder={t('agreements.deliveries.notePlaceholder')} {...form.getInputProps('note')} />
        <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('agreements.deliveries.save')} saving={saving} onCancel={onClose} />
      </Stack>
    </form>
  );
}
