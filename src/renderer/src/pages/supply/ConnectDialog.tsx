/**
 * Xác nhận kết nối: the quantity agreed (in a unit that converts exactly to both the offer's and
 * the demand's), the price, the channel, the day, the programme. Opened from a suggestion, with
 * what remains on both sides proposed; or from a connection, to correct it.
 */
import { Alert, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { connectionUpdateInput, type ConnectionSummary, type DemandSummary, type OfferSummary, type Unit } from '../../../../shared/contract';
import { formatMoney, formatQuantity } from '../../../../shared/format';
import { baseOf, convertPrice, convertQuantity, moreThanRemains } from '../../../../shared/supply';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { LabelledSelect } from '../../components/LabelledSelect';
import { NumberField, type NumberFieldValue } from '../../components/NumberField';
import { ProgrammeSelect } from '../../components/ProgrammeSelect';
import { useFormSave } from '../../forms/oneSave';
import { useSupplyLookups, useSupplyWrite } from '../../queries/supply';
import { priceRange } from './SupplyBits';
import { QuantityInput, readWithUnit } from './SupplyFormParts';
import { FormModal } from '../../forms/unsavedChanges';

interface Values {
  quantity: NumberFieldValue;
  unitCode: string;
  price: NumberFieldValue;
  channelCode: string | null;
  connectedOn: string | null;
  programmeId: number | null;
  note: string;
}

type ConnectDialogProps = { onClose: () => void } & ({ offer: OfferSummary; demand: DemandSummary; connection?: undefined } | { connection: ConnectionSummary; offer?: undefined; demand?: undefined });

export function ConnectDialog(props: ConnectDialogProps) {
  const { t } = useTranslation();
  const lookups = useSupplyLookups();
  const units = lookups.data?.units ?? [];
  const title = props.connection ? t('supply.connect.editTitle') : t('supply.connect.title');
  return (
    <FormModal opened onClose={props.onClose} title={title} size={720}>
      {lookups.data ? <ConnectForm {...props} units={units} channels={lookups.data.channels} /> : null}
    </FormModal>
  );
}

function initialValues(props: ConnectDialogProps, units: Unit[]): Values {
  if (props.connection) {
    const { connection } = props;
    return {
      quantity: connection.quantity,
      unitCode: connection.unitCode,
      price: connection.price,
      channelCode: connection.channelCode,
      connectedOn: connection.connectedOn,
      programmeId: connection.programmeId,
      note: connection.note,
    };
  }
  const { offer, demand } = props;
  const offerUnit = units.find((unit) => unit.code === offer.unitCode);
  const demandUnit = units.find((unit) => unit.code === demand.unitCode);
  const offered = offerUnit && demandUnit ? convertQuantity(offer.remaining, offerUnit, demandUnit) : null;
  return {
    quantity: offered === null ? demand.remaining : Math.min(offered, demand.remaining),
    unitCode: demand.unitCode,
    price: null,
    channelCode: null,
    connectedOn: dayjs().format('YYYY-MM-DD'),
    programmeId: demand.programmeId ?? offer.programmeId,
    note: '',
  };
}

/**
 * What a side asks or proposes per the unit the price is typed in, as suggestions compare them:
 * 6.800.000 ₫/tấn offered to a buyer in kg reads 6.800 ₫/kg beside the box for đồng/kg. In the
 * side's own unit only when the two do not convert.
 */
function priceAsTyped(t: TFunction, side: OfferSummary | DemandSummary, units: Unit[], typedIn: Unit | undefined): string {
  const own = units.find((unit) => unit.code === side.unitCode);
  const convert = (price: number | null) => (price === null || !own || !typedIn ? null : convertPrice(price, own, typedIn));
  const [priceMin, priceMax] = [convert(side.priceMin), convert(side.priceMax)];
  const converted = typedIn && (priceMin === null) === (side.priceMin === null) && (priceMax === null) === (side.priceMax === null);
  return converted ? priceRange(t, priceMin, priceMax, typedIn.name) : priceRange(t, side.priceMin, side.priceMax, side.unitName);
}

const connectionSchema = schemaResolver(connectionUpdateInput.omit({ id: true }), { sync: true });

/**
 * A new connection's quantity against what remains of the offer and of the demand, each in its own
 * unit, as the backend compares them: said with the form's other problems, not at the next save.
 * A unit that does not convert is left to the backend, which says so.
 */
function moreThanRemainsOf(offer: OfferSummary, demand: DemandSummary, values: Values, units: Unit[]): string | null {
  const { quantity } = values;
  const typedIn = units.find((unit) => unit.code === values.unitCode);
  if (typeof quantity !== 'number' || !typedIn) return null;
  const sides = [
    ['offer', offer],
    ['demand', demand],
  ] as const;
  const messages = sides.flatMap(([side, record]) => {
    const own = units.find((unit) => unit.code === record.unitCode);
    const inOwn = own ? convertQuantity(quantity, typedIn, own) : null;
    return inOwn !== null && own && inOwn > record.remaining ? [moreThanRemains(side, inOwn, record.remaining, own.name)] : [];
  });
  return messages.length ? messages.join(' ') : null;
}

function ConnectForm(props: ConnectDialogProps & { units: Unit[]; channels: { code: string; name: string }[] }) {
  const { t } = useTranslation();
  const { units, channels } = props;
  const create = useSupplyWrite('connections:create');
  const update = useSupplyWrite('connections:update');
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initialValues(props, units),
    validate: (values) => {
      const errors = connectionSchema(values);
      const tooMuch = props.offer && !errors.quantity ? moreThanRemainsOf(props.offer, props.demand, values, units) : null;
      return tooMuch ? { ...errors, quantity: tooMuch } : errors;
    },
  });
  const current = units.find((unit) => unit.code === form.values.unitCode);
  // Only units of the same base convert exactly to the offer's and the demand's.
  const choices = current ? units.filter((unit) => baseOf(unit) === baseOf(current)) : units;
  const value = typeof form.values.quantity === 'number' && typeof form.values.price === 'number' ? Math.round(form.values.quantity * form.values.price) : null;

  const { submit, saving, formError } = useFormSave({
    form,
    save: async (submitted) => {
      const { quantity, price, channelCode, connectedOn } = submitted;
      // Unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (typeof quantity !== 'number' || typeof price === 'string' || channelCode === null || connectedOn === null) {
        throw new Error('The schema requires a quantity, a price read as a number, a channel and a day.');
      }
      const fields = { ...submitted, quantity, price, channelCode, connectedOn };
      if (props.connection) await update.mutateAsync({ ...fields, id: props.connection.id });
      else await create.mutateAsync({ ...fields, offerId: props.offer.id, demandId: props.demand.id });
    },
    onSaved: () => {
      notifications.show({ color: 'teal', message: t(props.connection ? 'supply.connect.saved' : 'supply.connect.done') });
      props.onClose();
    },
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {props.offer && (
          <Alert color="blue" variant="light">
            <Text size="sm">
              {t('supply.connect.between', {
                offer: `${props.offer.product} — ${props.offer.organization.name}`,
                offerLeft: formatQuantity(props.offer.remaining, props.offer.unitName),
                demand: `${props.demand.product} — ${props.demand.buyer.name}`,
                demandLeft: formatQuantity(props.demand.remaining, props.demand.unitName),
              })}
            </Text>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <QuantityInput label={t('supply.connect.quantity')} readWithUnit={(text) => readWithUnit(t, 'quantity', text, current, units, choices)} {...form.getInputProps('quantity')} />
          <LabelledSelect
            label={t('supply.connect.unit')}
            required
            allowDeselect={false}
            data={choices.map((unit) => ({ value: unit.code, label: unit.name }))}
            {...form.getInputProps('unitCode')}
          />
          <NumberField
            label={t('supply.connect.price', { unit: current?.name ?? t('supply.connect.unitWord') })}
            description={
              props.offer
                ? t('supply.connect.priceAsked', {
                    offer: priceAsTyped(t, props.offer, units, current) || t('supply.connect.priceNone'),
                    demand: priceAsTyped(t, props.demand, units, current) || t('supply.connect.priceNone'),
                  })
                : t('supply.connect.priceHint')
            }
            unit="₫"
            readWithUnit={(text) => readWithUnit(t, 'price', text, current, units, choices)}
            // The asking prices under the box, so that it lines up with the quantity and the unit.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...form.getInputProps('price')}
          />
        </SimpleGrid>
        {value !== null && (
          <Text size="sm" c="dimmed">
            {t('supply.connect.value', { value: formatMoney(value) })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <LabelledSelect
            label={t('supply.connect.channel')}
            placeholder={t('supply.connect.channelPlaceholder')}
            required
            allowDeselect={false}
            data={channels.map((channel) => ({ value: channel.code, label: channel.name }))}
            {...form.getInputProps('channelCode')}
          />
          <DateField label={t('supply.connect.connectedOn')} required {...form.getInputProps('connectedOn')} />
        </SimpleGrid>
        {/* On a line of its own: a programme's name is a sentence («Chương trình kết nối … năm 2026»), cut in a third of the dialog. */}
        <ProgrammeSelect
          label={t('supply.programme')}
          placeholder={t('supply.noProgramme')}
          clearable
          value={form.values.programmeId}
          onChange={(programmeId) => form.setFieldValue('programmeId', programmeId)}
          error={form.errors.programmeId}
        />
        <Textarea label={t('supply.note')} autosize minRows={1} maxRows={4} {...form.getInputProps('note')} />
        <FormFooter
          dirty={form.isDirty()}
          error={formError}
          submitLabel={props.connection ? t('supply.connect.save') : t('supply.connect.submit')}
          saving={saving}
          onCancel={props.onClose}
        />
      </Stack>
    </form>
  );
}
