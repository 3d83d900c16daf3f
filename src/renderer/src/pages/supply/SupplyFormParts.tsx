/**
 * The parts the offer's and the demand's forms (and the connect dialog) have alike: who offers or
 * asks and what, with the product group proposed from the product's words; a quantity, a quantity
 * with its unit, a price range, and the contact with the programme. Each takes only the few paths
 * of the form it fills, so one part serves either form's own values.
 */
import { useState, type ReactNode } from 'react';
import { Fieldset, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QUANTITY_DECIMALS, QUANTITY_ENTRY_DECIMALS, roundQuantity } from '../../../../shared/agreements';
import type { TFunction } from 'i18next';
import type { Unit } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { convertPrice, convertQuantity, endedPartyRefusal, productGroupOf, unitOfText } from '../../../../shared/supply';
import { foldText } from '../../../../shared/text';
import { formatTypedNumber, readTypedNumber } from '../../../../shared/typed';
import { readWrittenAmount } from '../../../../shared/writtenAmounts';
import { CounterpartPicker, type Counterpart } from '../../components/CounterpartPicker';
import { LabelledSelect } from '../../components/LabelledSelect';
import { NumberField, type NumberFieldProps, type UnitReading } from '../../components/NumberField';
import { ProgrammeSelect } from '../../components/ProgrammeSelect';
import { useOrganization } from '../../queries';
import { useSupplyLookups } from '../../queries/supply';

/** A quantity as offices write it, greater than 0 with up to three decimals: "1.234,5". */
export function QuantityInput(props: NumberFieldProps) {
  return <NumberField required positive decimals={QUANTITY_ENTRY_DECIMALS} {...props} />;
}

/** The inputs' props of a form, for the paths a part fills. */
interface InputsOf<K extends string> {
  getInputProps: (path: K) => object;
}

interface FormPaths<K extends string, V> extends InputsOf<K> {
  setFieldValue: (path: K, value: V) => void;
}

/**
 * Quantity and its unit, side by side. A quantity written with the unit chosen («1,5 tấn») is read;
 * with another one, refused with the figure to type (`readWithUnit`).
 */
export function QuantityWithUnit({ form, unitCode }: { form: InputsOf<'quantity' | 'unitCode'>; unitCode: string | null }) {
  const { t } = useTranslation();
  const lookups = useSupplyLookups();
  const units = lookups.data?.units ?? [];
  const unit = units.find((candidate) => candidate.code === unitCode);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <QuantityInput label={t('supply.quantity')} readWithUnit={(text) => readWithUnit(t, 'quantity', text, unit, units)} {...form.getInputProps('quantity')} />
      <LabelledSelect
        label={t('supply.unit')}
        required
        allowDeselect={false}
        searchable
        data={(lookups.data?.units ?? []).map((unit) => ({ value: unit.code, label: unit.name }))}
        {...form.getInputProps('unitCode')}
      />
    </SimpleGrid>
  );
}

/** What a side's description (sides.tsx) says of the party on its form. */
export interface PartySide {
  /** The form's words under `supply.`. */
  form: 'offerForm' | 'demandForm';
  /** Who may be the party: only a member organization offers; a partner or a member may ask. */
  partyKinds: 'organization' | 'any';
}

interface PartyAndProductProps {
  side: PartySide;
  party: Counterpart | null;
  partyError: ReactNode;
  onParty: (party: Counterpart | null) => void;
  /** The form's own input of the product, and what depends on the party. */
  children: ReactNode;
  groupCode: string | null;
  groupError: ReactNode;
  onGroup: (code: string | null) => void;
}

/** Who offers or asks, the product, and its group: the first fieldset of either form. */
export function PartyAndProduct({ side, party, partyError, onParty, children, groupCode, groupError, onGroup }: PartyAndProductProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t(`supply.${side.form}.who`)}>
      <Stack gap="sm">
        <CounterpartPicker
          label={t(`supply.${side.form}.party`)}
          only={side.partyKinds === 'organization' ? 'organization' : undefined}
          required
          value={party}
          onChange={onParty}
          error={typeof partyError === 'string' ? partyError : null}
        />
        {children}
        <ProductGroupSelect value={groupCode} error={groupError} onPick={onGroup} />
      </Stack>
    </Fieldset>
  );
}

/** What the record being edited was stored with: its member organization (null for a partner) and its first day. */
export interface StoredParty {
  organizationId: number | null;
  firstDay: string;
}

/**
 * A member organization that had ended by the first day of the offer or the demand (`firstDay`) is
 * refused on saving, as `endedPartyRefusal` says: said at once, under the picker, unless the
 * refusal is already there. A record `stored` so already and kept with its party and first day is
 * saved, and nothing is said; its first day moved is refused, and the day stored is named.
 */
export function PartyEndedNote({ form, organizationId, firstDay, stored, refused }: { form: PartySide['form']; organizationId: number; firstDay: string | null; stored: StoredParty | null; refused: boolean }) {
  const { t } = useTranslation();
  const organization = useOrganization(organizationId).data;
  const endedOn = organization?.endedOn ?? null;
  const kept = stored && { sameParty: stored.organizationId === organizationId, firstDay: stored.firstDay };
  // With no first day yet, the end is said as soon as the organization is chosen.
  const where = firstDay === null ? (endedOn === null ? null : 'party') : endedPartyRefusal(endedOn, firstDay, kept);
  if (!organization || endedOn === null || where === null || refused) return null;
  const words = { status: t(`organization.status.${organization.status}`), date: formatDate(endedOn), stored: formatDate(stored?.firstDay) };
  return (
    <Text size="sm" c="red" role="alert" mt={-8}>
      {t(where === 'party' ? `supply.${form}.partyEnded` : `supply.${form}.partyEndedMoved`, words)}
    </Text>
  );
}

/**
 * The product group follows the product's words (by the lookup's keywords) until the person picks
 * one; a saved record's group was picked. `forProduct` is what to set with a product typed.
 */
export function useProposedGroup(picked: boolean): { forProduct: (product: string) => { productGroupCode?: string | null }; pick: () => void } {
  const lookups = useSupplyLookups();
  const [groupPicked, setGroupPicked] = useState(picked);
  return {
    forProduct: (product) => (groupPicked ? {} : { productGroupCode: productGroupOf(product, lookups.data?.productGroups ?? []) }),
    pick: () => setGroupPicked(true),
  };
}

/** The product group; the form proposes it from the product's words until the person picks one here. */
function ProductGroupSelect({ value, error, onPick }: { value: string | null; error: ReactNode; onPick: (code: string | null) => void }) {
  const { t } = useTranslation();
  const lookups = useSupplyLookups();
  return (
    <LabelledSelect
      label={t('supply.productGroup')}
      required
      allowDeselect={false}
      searchable
      data={(lookups.data?.productGroups ?? []).map((group) => ({ value: group.code, label: group.name }))}
      value={value}
      onChange={onPick}
      error={error}
      description={t('supply.productGroupHint')}
    />
  );
}

/**
 * A figure written with a unit of Danh mục: a quantity «1,5 tấn», «1.500kg»; a price in đồng per the
 * unit «12.000đ/kg», «12.000 đồng / kg», «12.000₫/kg», «25 nghìn/kg».
 */
const writtenWithUnit = {
  quantity: /^(.*\d)\s*(\p{L}[\p{L}\s.]*)$/u,
  price: /^(.*\S)\s*\/\s*(\p{L}[\p{L}\s.]*)$/u,
};

/** The words of đồng a price may end with: «25.000đ», «25.000 đồng», «25.000₫», «25.000 VNĐ». */
const dong = /\s*(?:đ|đồng|₫|vnđ|vnd)\.?$/iu;

/** A quantity for each day, week, month… («2 tấn/tháng»): `written` is the unit, `per` the period. */
const quantityPerPeriod = /^(.*\d)\s*(\p{L}[\p{L}\s.]*?)\s*(?:\/|mỗi|một|trên)\s*(ngày|tuần|tháng|quý|năm|vụ)\.?$/iu;

/** The periods a quantity may be written per, folded, by the words' keys. */
const periodCodes: Record<string, 'day' | 'week' | 'month' | 'quarter' | 'year' | 'season'> = { ngay: 'day', tuan: 'week', thang: 'month', quy: 'quarter', nam: 'year', vu: 'season' };

/** A price range written in one box: «25.000 – 30.000 đ/kg», «25.000đ-30.000đ», «25 đến 30 nghìn». */
const priceRange = /^(.+?)\s*(?:–|—|-|~|đến|tới)\s*(.+)$/iu;

/**
 * A price's figure, in whole đồng: typed as Vietnamese write numbers («25.000»), with đồng after it
 * («25.000đ»), or as a list writes an amount («25 nghìn», «1,2 triệu»); null when it is none.
 */
function priceFigure(written: string): { value: number; decimals: number; text: string } | null {
  const bare = written.trim().replace(dong, '');
  const typed = readTypedNumber(bare);
  if (typed.kind === 'number') return { value: typed.value, decimals: typed.decimals, text: typed.text };
  const amount = /\p{L}/u.test(bare) ? readWrittenAmount(bare) : null;
  return amount === null || !Number.isInteger(amount) || amount < 0 ? null : { value: amount, decimals: 0, text: formatTypedNumber(amount) };
}

/**
 * What a quantity box, or a price box per one `unit` (the quantity's), makes of text written with a
 * unit of Danh mục (`writtenWithUnit`). Written in `unit` itself, the figure is taken and said as
 * read. In another unit of the same base, it is refused with the figure in `unit` by the units' own
 * ratio (1.500 kg is 1,5 tấn; 12.000 đ/kg is 12.000.000 đ/tấn), to be typed by the person — it is not
 * put in for them, a figure 1.000 times off being the costliest slip; in a unit that does not
 * convert, or with no unit chosen yet, refused saying so. Choosing the unit written instead is
 * suggested only when the box's unit can be set to it (`choices`, the units offered beside the box:
 * every unit of Danh mục unless said). A price written in đồng alone («25.000đ», «25 nghìn») is one
 * per `unit`, and read so. What the box cannot hold is refused saying what to type: a quantity per
 * month («2 tấn/tháng», the box holding the whole quantity), a price range in one box (`ofRange`: the
 * box is one end of a range, Giá từ or Giá đến; else it holds one price). Null when the text is not
 * written so.
 */
export function readWithUnit(
  t: TFunction,
  what: 'quantity' | 'price',
  text: string,
  unit: Unit | undefined,
  units: readonly Unit[],
  choices: readonly Pick<Unit, 'code'>[] = units,
  ofRange = false,
): UnitReading | null {
  if (what === 'quantity') {
    const perPeriod = quantityPerPeriod.exec(text);
    const figure = perPeriod ? readTypedNumber(perPeriod[1] ?? '') : null;
    const perUnit = perPeriod ? unitOfText(units, perPeriod[2]?.trim() ?? '') : undefined;
    if (figure?.kind === 'number' && perUnit) {
      const example = formatTypedNumber(roundQuantity(figure.value * 3), QUANTITY_DECIMALS);
      const period = t(`supply.withUnit.periods.${periodCodes[foldText(perPeriod?.[3] ?? '')] ?? 'month'}`);
      return { refused: t('supply.withUnit.quantity.perPeriod', { text, figure: figure.text, written: perUnit.name, period, example }) };
    }
  } else {
    const range = priceRange.exec(text);
    if (range) {
      // The unit written once, after the range, is the unit of both ends.
      const high = readPrice(range[2] ?? '', units);
      const lowText = range[1] ?? '';
      const low = readPrice(high?.written && !lowText.includes('/') ? `${lowText}/${high.written.name}` : lowText, units);
      if (low && high && (low.written?.code ?? null) === (high.written?.code ?? null)) {
        const inBox = (price: NonNullable<typeof low>) => (unit && price.written ? convertPrice(price.value, price.written, unit) : price.value);
        const [from, to] = [inBox(low), inBox(high)];
        if (from !== null && to !== null) {
          const words = { text, from: formatTypedNumber(from, 0), to: formatTypedNumber(to, 0), unit: unit?.name ?? '' };
          return { refused: t(`supply.withUnit.price.${ofRange ? 'range' : 'rangeOne'}${unit ? '' : 'NoUnit'}`, words) };
        }
      }
    }
  }
  const reading = what === 'quantity' ? quantityWithUnit(text, units) : readPrice(text, units);
  if (reading === null) return null;
  const { written } = reading;
  if (!written) {
    // A price in đồng alone, per the quantity's unit.
    const figure = reading.text;
    return { value: reading.value, decimals: reading.decimals, said: unit ? t('supply.withUnit.price.read', { text, figure, unit: unit.name }) : t('supply.withUnit.price.readNoUnit', { text, figure }) };
  }
  const words = { text, written: written.name, figure: reading.text };
  if (!unit) return { refused: t(`supply.withUnit.${what}.noUnit`, words) };
  const inUnit = { ...words, unit: unit.name };
  if (written.code === unit.code) return { value: reading.value, decimals: reading.decimals, said: t(`supply.withUnit.${what}.read`, inUnit) };
  const choosable = choices.some((choice) => choice.code === written.code);
  const converted = what === 'quantity' ? convertQuantity(reading.value, written, unit) : convertPrice(reading.value, written, unit);
  if (converted === null) return { refused: t(choosable ? `supply.withUnit.${what}.notConvertible` : `supply.withUnit.${what}.notConvertibleNoChoice`, inUnit) };
  // A price's figure in the box's unit is all there is to do; a quantity's may also be kept with its unit chosen.
  const otherUnit = what === 'quantity' && !choosable ? ('supply.withUnit.quantity.otherUnitNoChoice' as const) : (`supply.withUnit.${what}.otherUnit` as const);
  return { refused: t(otherUnit, { ...inUnit, converted: formatTypedNumber(converted, QUANTITY_DECIMALS) }) };
}

interface WithUnitFigure {
  value: number;
  decimals: number;
  /** The figure as typed, its thousands grouped. */
  text: string;
  /** The unit written; none for a price in đồng alone. */
  written: Unit | undefined;
}

/** A quantity followed by a unit of Danh mục: «1,5 tấn»; null when it is not one. */
function quantityWithUnit(text: string, units: readonly Unit[]): WithUnitFigure | null {
  const match = writtenWithUnit.quantity.exec(text);
  const reading = match ? readTypedNumber(match[1] ?? '') : null;
  const written = match ? unitOfText(units, match[2]?.trim() ?? '') : undefined;
  return reading?.kind === 'number' && written ? { value: reading.value, decimals: reading.decimals, text: reading.text, written } : null;
}

/**
 * A price per a unit of Danh mục («12.000đ/kg», «25 nghìn/kg»), or in đồng alone, written so
 * («25.000đ», «25 nghìn»: not a bare number, which the box reads itself); null when it is neither.
 */
function readPrice(text: string, units: readonly Unit[]): WithUnitFigure | null {
  const match = writtenWithUnit.price.exec(text);
  if (match) {
    const figure = priceFigure(match[1] ?? '');
    const written = unitOfText(units, match[2]?.trim() ?? '');
    return figure && written ? { ...figure, written } : null;
  }
  const figure = priceFigure(text);
  return figure ? { ...figure, written: undefined } : null;
}

/**
 * Price from – to, in whole đồng per one of the quantity's unit (`unitCode`), which the labels and
 * the boxes name once it is chosen: a price per kg typed for an offer in tấn would be read 1.000
 * times too low.
 */
export function PriceInputs({ form, unitCode }: { form: InputsOf<'priceMin' | 'priceMax'>; unitCode: string | null }) {
  const { t } = useTranslation();
  const units = useSupplyLookups().data?.units ?? [];
  const unit = units.find((candidate) => candidate.code === unitCode);
  const per = unit ? { label: (which: 'priceMin' | 'priceMax') => t(`supply.priceForm.${which}`, { unit: unit.name }), box: `₫/${unit.name}` } : null;
  const withUnit = (text: string) => readWithUnit(t, 'price', text, unit, units, units, true);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <NumberField
        label={per?.label('priceMin') ?? t('supply.priceMin')}
        description={t('supply.priceHint')}
        unit={per?.box ?? '₫'}
        readWithUnit={withUnit}
        {...form.getInputProps('priceMin')}
      />
      <NumberField
        label={per?.label('priceMax') ?? t('supply.priceMax')}
        description={t('supply.priceMaxHint')}
        unit={per?.box ?? '₫'}
        readWithUnit={withUnit}
        {...form.getInputProps('priceMax')}
      />
    </SimpleGrid>
  );
}

interface ContactFormProps {
  programmeId: number | null;
  programmeError: ReactNode;
  form: FormPaths<'programmeId', number | null> & InputsOf<'contactName' | 'contactPhone' | 'note'>;
}

/** Who to call about it, the programme it belongs to, and a note. */
export function ContactFieldset({ programmeId, programmeError, form }: ContactFormProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('supply.offerForm.contact')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('supply.contactName')} {...form.getInputProps('contactName')} />
          <TextInput label={t('supply.contactPhone')} {...form.getInputProps('contactPhone')} />
        </SimpleGrid>
        {/* On a line of its own, as in the connection's dialog: a programme's name is a sentence, cut in a third of the form. */}
        <ProgrammeSelect
          label={t('supply.programme')}
          placeholder={t('supply.noProgramme')}
          clearable
          value={programmeId}
          onChange={(next) => form.setFieldValue('programmeId', next)}
          error={programmeError}
        />
        <Textarea label={t('supply.note')} autosize minRows={1} maxRows={4} {...form.getInputProps('note')} />
      </Stack>
    </Fieldset>
  );
}
