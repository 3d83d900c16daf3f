/**
 * Ghi nhận giao hàng: one delivery against one commitment, with what has been delivered so far
 * shown beside it. Also corrects a delivery already logged. The quantity is in the commitment's
 * unit or in another Danh mục converts it to (500 kg of a commitment in tấn), chosen beside it;
 * what it makes in the commitment's unit is said before saving. Written with a unit in the box, it
 * follows the rule of every quantity (`readWithUnit`): read in the unit chosen, refused with the
 * figure in another.
 */
import { Alert, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { deliveredAfterTermination, overDelivery, QUANTITY_ENTRY_DECIMALS, roundQuantity } from '../../../../shared/agreements';
import { deliveryInput, type AgreementCommitment, type AgreementDelivery, type AgreementDetail } from '../../../../shared/contract';
import { formatDate, formatDeliveredQuantity, formatPercent, formatQuantity } from '../../../../shared/format';
import { convertQuantity } from '../../../../shared/supply';
import { isIsoDate } from '../../../../shared/typed';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { LabelledSelect } from '../../components/LabelledSelect';
import { NumberField, type NumberFieldValue } from '../../components/NumberField';
import { useFormSave } from '../../forms/oneSave';
import { useAddDelivery, useUpdateDelivery } from '../../queries/agreements';
import { useSupplyLookups } from '../../queries/supply';
import { readWithUnit } from '../supply/SupplyFormParts';
import { FormModal } from '../../forms/unsavedChanges';

interface DeliveryValues {
  commitmentId: number | null;
  deliveredOn: string | null;
  quantity: NumberFieldValue;
  /** The unit the quantity is written in, by its name in Danh mục; '' for the commitment's own. */
  unit: string;
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

const quantityRules = { positive: true, decimals: QUANTITY_ENTRY_DECIMALS };

const deliverySchema = schemaResolver(deliveryInput, { sync: true });

/** Why the day typed is refused for the agreement's termination (`deliveredAfterTermination`); null for a day not whole yet. */
function terminationRefusal(agreement: AgreementDetail, deliveredOn: string | null): string | null {
  return deliveredOn !== null && isIsoDate(deliveredOn) ? deliveredAfterTermination(agreement.terminatedOn, deliveredOn) : null;
}

/** The day a new delivery starts from: today, or the termination day when it came before, the last a delivery may be dated. */
function dayOffered(agreement: AgreementDetail): string {
  const today = dayjs().format('YYYY-MM-DD');
  return agreement.terminatedOn !== null && agreement.terminatedOn < today ? agreement.terminatedOn : today;
}

/**
 * `quantity` written in `unit` stated in the commitment's unit, by the conversion the backend
 * stores (`convertQuantity`); as it is in the commitment's own unit; null when it does not convert.
 */
function inCommitmentUnit(quantity: number, unit: string, commitment: AgreementCommitment): number | null {
  const [own] = commitment.deliveryUnits;
  const from = commitment.deliveryUnits.find((one) => one.name === unit);
  if (unit === '' || !own || own.name === unit) return quantity;
  return from ? convertQuantity(quantity, from, own) : null;
}

function DeliveryForm({ agreement, delivery, commitmentId, onClose }: DeliveryDialogProps) {
  const { t } = useTranslation();
  const add = useAddDelivery();
  const update = useUpdateDelivery();
  const onlyOne = agreement.commitments.length === 1 ? agreement.commitments[0]?.id : undefined;
  const form = useForm<DeliveryValues>({
    mode: 'controlled',
    initialValues: delivery
      ? {
          commitmentId: delivery.commitmentId,
          deliveredOn: delivery.deliveredOn,
          // Corrected as it was written: 500 kg stays 500 kg.
          quantity: delivery.written?.quantity ?? delivery.quantity,
          unit: delivery.written?.unit ?? '',
          value: delivery.value,
          note: delivery.note,
        }
      : { commitmentId: commitmentId ?? onlyOne ?? null, deliveredOn: dayOffered(agreement), quantity: null, unit: '', value: null, note: '' },
    validate: (values) => {
      const errors = deliverySchema(values);
      const afterEnd = terminationRefusal(agreement, values.deliveredOn);
      return afterEnd && !errors.deliveredOn ? { ...errors, deliveredOn: afterEnd } : errors;
    },
  });
  const chosen = agreement.commitments.find((commitment) => commitment.id === form.values.commitmentId);
  const ownUnit = chosen?.deliveryUnits[0]?.name ?? chosen?.unit ?? '';
  // The unit chosen beside the box, as Danh mục has it, for reading a quantity written with a unit;
  // none when Danh mục does not know the commitment's unit (the box then says to type the number alone).
  const units = useSupplyLookups().data?.units ?? [];
  const chosenUnitCode = chosen?.deliveryUnits.find((unit) => unit.name === (form.values.unit || ownUnit))?.code;
  const unitChosen = units.find((unit) => unit.code === chosenUnitCode);
  // The units the select beside the box offers, shown only when there is more than one.
  const unitChoices = chosen && chosen.deliveryUnits.length > 1 ? chosen.deliveryUnits : [];
  const typed = form.values.quantity;
  const stored = chosen && typeof typed === 'number' ? inCommitmentUnit(typed, form.values.unit, chosen) : null;
  // What the commitment will have delivered once this is saved: a correction replaces its old quantity.
  const deliveredAfter =
    chosen && stored !== null ? roundQuantity(chosen.delivered - (delivery && delivery.commitmentId === chosen.id ? delivery.quantity : 0) + stored) : null;
  const over = chosen && deliveredAfter !== null ? overDelivery({ quantity: chosen.quantity, delivered: deliveredAfter }) : 0;
  // Goods do arrive after an agreement has run out, so a late day is saved; it is only said beforehand.
  // After it was terminated none is recorded: refused under the day as it is typed, as the backend would.
  const { deliveredOn } = form.values;
  const afterEnd = terminationRefusal(agreement, deliveredOn);
  const late = deliveredOn !== null && isIsoDate(deliveredOn) && afterEnd === null && agreement.validUntil !== null && deliveredOn > agreement.validUntil;

  const { submit, saving, formError } = useFormSave({
    form,
    save: async ({ commitmentId: chosenId, deliveredOn, quantity, unit, value, note }) => {
      // Unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (chosenId === null || deliveredOn === null || typeof quantity !== 'number' || typeof value === 'string') {
        throw new Error('The schema requires a commitment, a date and a quantity.');
      }
      const fields = { deliveredOn, quantity, unit, value, note };
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
          onChange={(value) => {
            form.setFieldValue('commitmentId', value === null ? null : Number(value));
            // Another commitment may be in another unit altogether.
            form.setFieldValue('unit', '');
          }}
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
          <DateField label={t('agreements.deliveries.deliveredOn')} required {...form.getInputProps('deliveredOn')} error={form.errors.deliveredOn ?? afterEnd} />
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <NumberField
              label={t('agreements.deliveries.quantity')}
              required
              style={{ flex: 1 }}
              {...quantityRules}
              unit={form.values.unit || ownUnit || undefined}
              readWithUnit={unitChosen ? (text) => readWithUnit(t, 'quantity', text, unitChosen, units, unitChoices) : undefined}
              {...form.getInputProps('quantity')}
            />
            {unitChoices.length > 0 && (
              <LabelledSelect
                label={t('agreements.deliveries.unit')}
                w={96}
                allowDeselect={false}
                data={unitChoices.map((unit) => unit.name)}
                value={form.values.unit || ownUnit}
                onChange={(value) => form.setFieldValue('unit', value === null || value === ownUnit ? '' : value)}
                error={form.errors.unit}
              />
            )}
          </Group>
        </SimpleGrid>
        {chosen && typeof typed === 'number' && stored !== null && form.values.unit !== '' && (
          <Text size="sm" role="status">
            {t('agreements.deliveries.converted', { quantity: formatDeliveredQuantity(stored, chosen.unit, { quantity: typed, unit: form.values.unit }), unit: chosen.unit })}
          </Text>
        )}
        {chosen && deliveredAfter !== null && over > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle />} title={t('agreements.deliveries.overTitle')} role="status">
            {t('agreements.deliveries.over', {
              total: formatQuantity(deliveredAfter, chosen.unit),
              committed: formatQuantity(chosen.quantity, chosen.unit),
              over: formatQuantity(over, chosen.unit),
            })}
          </Alert>
        )}
        {late && (
          <Alert color="orange" icon={<IconAlertTriangle />} role="status">
            {t('agreements.deliveries.late', { date: formatDate(agreement.validUntil) })}
          </Alert>
        )}
        <NumberField label={t('agreements.deliveries.value')} unit="₫" {...form.getInputProps('value')} />
        <TextInput label={t('agreements.deliveries.note')} placeholder={t('agreements.deliveries.notePlaceholder')} {...form.getInputProps('note')} />
        <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('agreements.deliveries.save')} saving={saving} onCancel={onClose} />
      </Stack>
    </form>
  );
}
