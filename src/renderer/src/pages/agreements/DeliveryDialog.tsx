/**
 * Ghi nhận giao hàng: one delivery against one commitment, in the commitment's unit, with what has
 * been delivered so far shown beside it. Also corrects a delivery already logged.
 */
import { useState } from 'react';
import { Alert, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { overDelivery, roundQuantity } from '../../../../shared/agreements';
import { deliveryInput, type AgreementDelivery, type AgreementDetail } from '../../../../shared/contract';
import { formatPercent, formatQuantity } from '../../../../shared/format';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { LabelledSelect } from '../../components/LabelledSelect';
import { splitServerError } from '../../forms/serverErrors';
import { useAddDelivery, useUpdateDelivery } from '../../queries/agreements';

interface DeliveryValues {
  commitmentId: number | null;
  deliveredOn: string | null;
  quantity: number | null;
  value: number | null;
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
    <Modal opened onClose={onClose} title={delivery ? t('agreements.deliveries.editTitle') : t('agreements.deliveries.dialogTitle')} size="lg">
      <DeliveryForm agreement={agreement} delivery={delivery} commitmentId={commitmentId} onClose={onClose} />
    </Modal>
  );
}

/** A NumberInput's value as the form keeps it: a number, or null when the box is empty. */
function numberOrNull(value: number | string): number | null {
  return typeof value === 'number' ? value : null;
}

function DeliveryForm({ agreement, delivery, commitmentId, onClose }: DeliveryDialogProps) {
  const { t } = useTranslation();
  const add = useAddDelivery();
  const update = useUpdateDelivery();
  const [formError, setFormError] = useState<string | null>(null);
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
  const deliveredAfter =
    chosen && form.values.quantity !== null
      ? roundQuantity(chosen.delivered - (delivery && delivery.commitmentId === chosen.id ? delivery.quantity : 0) + form.values.quantity)
      : null;
  const over = chosen && deliveredAfter !== null ? overDelivery({ quantity: chosen.quantity, delivered: deliveredAfter }) : 0;

  const submit = form.onSubmit(async (values) => {
    const { commitmentId: chosenId, deliveredOn, quantity } = values;
    // Unreachable once the schema has passed; it tells the type checker what the schema checked.
    if (chosenId === null || deliveredOn === null || quantity === null) return;
    setFormError(null);
    const fields = { deliveredOn, quantity, value: values.value, note: values.note };
    try {
      if (delivery) await update.mutateAsync({ id: delivery.id, ...fields });
      else await add.mutateAsync({ commitmentId: chosenId, ...fields });
      notifications.show({ color: 'teal', message: t('agreements.deliveries.saved') });
      onClose();
    } catch (error) {
      const { fields: fieldErrors, general } = splitServerError(error, Object.keys(values), t('common.unexpectedError'));
      form.setErrors(fieldErrors);
      setFormError(general);
    }
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
          <NumberInput
            label={t('agreements.deliveries.quantity')}
            required
            min={0}
            allowNegative={false}
            decimalScale={3}
            thousandSeparator="."
            decimalSeparator=","
            hideControls
            rightSection={
              <Text size="sm" c="dimmed" pr="xs">
                {chosen?.unit ?? ''}
              </Text>
            }
            rightSectionWidth={chosen ? Math.max(40, chosen.unit.length * 9 + 16) : undefined}
            value={form.values.quantity ?? ''}
            onChange={(value) => form.setFieldValue('quantity', numberOrNull(value))}
            error={form.errors.quantity}
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
        <NumberInput
          label={t('agreements.deliveries.value')}
          min={0}
          allowNegative={false}
          allowDecimal={false}
          thousandSeparator="."
          decimalSeparator=","
          hideControls
          suffix=" ₫"
          value={form.values.value ?? ''}
          onChange={(value) => form.setFieldValue('value', numberOrNull(value))}
          error={form.errors.value}
        />
        <TextInput label={t('agreements.deliveries.note')} placeholder={t('agreements.deliveries.notePlaceholder')} {...form.getInputProps('note')} />
        <FormFooter error={formError} submitLabel={t('agreements.deliveries.save')} saving={add.isPending || update.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
