/**
 * The parts the offer's and the demand's forms (and the connect dialog) have alike: who offers or
 * asks and what, with the product group proposed from the product's words; a quantity, a quantity
 * with its unit, a price range, and the contact with the programme. Each takes only the few paths
 * of the form it fills, so one part serves either form's own values.
 */
import { useState, type ReactNode } from 'react';
import { Fieldset, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QUANTITY_ENTRY_DECIMALS } from '../../../../shared/agreements';
import type { TFunction } from 'i18next';
import type { Unit } from '../../../../shared/contract';
import { convertPrice, productGroupOf, unitOfText } from '../../../../shared/supply';
import { formatTypedNumber, readTypedNumber } from '../../../../shared/typed';
import { CounterpartPicker, type Counterpart } from '../../components/CounterpartPicker';
import { LabelledSelect } from '../../components/LabelledSelect';
import { NumberField, type NumberFieldProps } from '../../components/NumberField';
import { ProgrammeSelect } from '../../components/ProgrammeSelect';
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

/** Quantity and its unit, side by side. */
export function QuantityWithUnit({ form }: { form: InputsOf<'quantity' | 'unitCode'> }) {
  const { t } = useTranslation();
  const lookups = useSupplyLookups();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <QuantityInput label={t('supply.quantity')} {...form.getInputProps('quantity')} />
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

/** A price written with the unit it is for: «12.000đ/kg», «12.000 đồng / kg», «12.000₫/kg». */
const pricePerUnit = /^(.*\d)\s*(?:đ|đồng|₫|vnđ|vnd)?\s*\/\s*(\p{L}[\p{L}\s.]*)$/iu;

/**
 * What to say of a price box's text written for a unit of Danh mục (`pricePerUnit`), the box being
 * for one `unit`, the quantity's: the figure per `unit` by the units' own ratio (12.000 đ/kg is
 * 12.000.000 đ/tấn), to be typed by the person — it is not put in for them, a price 1.000 times
 * off being the costliest slip; null when the text is not written so.
 */
export function priceWrittenPerUnit(t: TFunction, text: string, unit: Unit, units: readonly Unit[]): string | null {
  const match = pricePerUnit.exec(text);
  const reading = match ? readTypedNumber(match[1] ?? '') : null;
  const written = match ? unitOfText(units, match[2]?.trim() ?? '') : undefined;
  if (reading?.kind !== 'number' || !written) return null;
  const words = { text, written: written.name, unit: unit.name, price: reading.text };
  if (written.code === unit.code) return t('supply.priceForm.sameUnit', words);
  const converted = convertPrice(reading.value, written, unit);
  if (converted === null) return t('supply.priceForm.notConvertible', words);
  return t('supply.priceForm.otherUnit', { ...words, converted: formatTypedNumber(converted, QUANTITY_ENTRY_DECIMALS) });
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
  const explainRefused = unit ? (text: string) => priceWrittenPerUnit(t, text, unit, units) : undefined;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <NumberField
        label={per?.label('priceMin') ?? t('supply.priceMin')}
        description={t('supply.priceHint')}
        unit={per?.box ?? '₫'}
        explainRefused={explainRefused}
        {...form.getInputProps('priceMin')}
      />
      <NumberField
        label={per?.label('priceMax') ?? t('supply.priceMax')}
        description={t('supply.priceMaxHint')}
        unit={per?.box ?? '₫'}
        explainRefused={explainRefused}
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
