/**
 * Adds or edits an offer (nguồn cung): the member organization, the product — one of its own, or
 * typed, and then optionally added to its products — and its group (proposed from the words of the
 * product, as the lookup's keywords say, until the person picks one), quantity with unit, the
 * window, price or price range, the commune where the goods are (the organization's, unless told),
 * packaging, delivery terms, contact, programme.
 */
import { useEffect } from 'react';
import { Autocomplete, Checkbox, Fieldset, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { offerInput, type OfferDetail, type OfferInput, type OfferSummary } from '../../../../shared/contract';
import { productNamed, productsNamed } from '../../../../shared/supply';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { LabelledSelect } from '../../components/LabelledSelect';
import type { NumberFieldValue } from '../../components/NumberField';
import { SaveConflictNotice } from '../../components/DuplicateNotices';
import { useSaveWithDuplicateCheck } from '../../forms/duplicateCheck';
import { offerHref } from '../../routing/useHashRoute';
import { useCommunes, useOrganization } from '../../queries';
import { useProducts } from '../../queries/register';
import { useSupplyWrite } from '../../queries/supply';
import { ContactFieldset, PartyAndProduct, PartyEndedNote, PriceInputs, QuantityWithUnit, useProposedGroup, type PartySide, type StoredParty } from './SupplyFormParts';
import type { Counterpart } from '../../components/CounterpartPicker';

interface OfferValues {
  organization: Counterpart | null;
  productId: number | null;
  product: string;
  addToProducts: boolean;
  productGroupCode: string | null;
  quantity: NumberFieldValue;
  unitCode: string | null;
  availableFrom: string | null;
  availableUntil: string | null;
  priceMin: NumberFieldValue;
  priceMax: NumberFieldValue;
  communeCode: string | null;
  packaging: string;
  deliveryTerms: string;
  contactName: string;
  contactPhone: string;
  note: string;
  programmeId: number | null;
}

function valuesOf(initial: OfferDetail | undefined, preset: OfferPreset): OfferValues {
  if (initial) {
    return {
      organization: { kind: 'organization', id: initial.organization.id, name: initial.organization.name },
      productId: initial.productId,
      product: initial.product,
      addToProducts: false,
      productGroupCode: initial.productGroupCode,
      quantity: initial.quantity,
      unitCode: initial.unitCode,
      availableFrom: initial.availableFrom,
      availableUntil: initial.availableUntil,
      priceMin: initial.priceMin,
      priceMax: initial.priceMax,
      communeCode: initial.communeCode,
      packaging: initial.packaging,
      deliveryTerms: initial.deliveryTerms,
      contactName: initial.contactName,
      contactPhone: initial.contactPhone,
      note: initial.note,
      programmeId: initial.programmeId,
    };
  }
  return {
    organization: preset.organization ?? null,
    productId: null,
    product: '',
    addToProducts: false,
    productGroupCode: null,
    quantity: null,
    unitCode: null,
    availableFrom: null,
    availableUntil: null,
    priceMin: null,
    priceMax: null,
    communeCode: null,
    packaging: '',
    deliveryTerms: '',
    contactName: '',
    contactPhone: '',
    note: '',
    programmeId: preset.programmeId ?? null,
  };
}

/** For a new offer: the organization (from its page) or the programme (from its page). */
interface OfferPreset {
  organization?: Counterpart;
  programmeId?: number;
}

interface OfferFormProps {
  /** What the offer's side (sides.tsx) says of its party. */
  side: PartySide;
  initial?: OfferDetail;
  preset?: OfferPreset;
  onSaved: (offer: OfferSummary) => void;
  onCancel: () => void;
}

export function OfferForm({ side, initial, preset = {}, onSaved, onCancel }: OfferFormProps) {
  const { t } = useTranslation();
  const create = useSupplyWrite('offers:create');
  const update = useSupplyWrite('offers:update');
  const group = useProposedGroup(initial !== undefined);
  // The schema reads the organization's id; the form keeps its name too, for the picker.
  const form = useForm<OfferValues>({
    mode: 'controlled',
    initialValues: valuesOf(initial, preset),
    validate: (values) => schemaResolver(offerInput, { sync: true })({ ...values, organizationId: values.organization?.id ?? null }),
  });
  const { values } = form;

  const setProduct = (product: string, productId: number | null) => {
    form.setValues({ product, productId, ...group.forProduct(product) });
  };

  // An open offer of the same organization and product over the same days is asked about, as a
  // member of a near-identical name is: «Vẫn lưu» saves it all the same.
  const { submit, saveAnyway, conflict, saving, formError } = useSaveWithDuplicateCheck({
    form,
    inputOf: (submitted): OfferInput | null => {
      const { organization, productGroupCode, quantity, unitCode, availableFrom, priceMin, priceMax, communeCode } = submitted;
      const organizationId = organization?.id ?? null;
      // Null is unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (
        organizationId === null ||
        productGroupCode === null ||
        typeof quantity !== 'number' ||
        unitCode === null ||
        availableFrom === null ||
        typeof priceMin === 'string' ||
        typeof priceMax === 'string' ||
        communeCode === null
      ) {
        return null;
      }
      const { organization: _picked, ...rest } = submitted;
      return { ...rest, organizationId, productGroupCode, quantity, unitCode, availableFrom, priceMin, priceMax, communeCode };
    },
    persist: (input) => (initial ? update.mutateAsync({ ...input, id: initial.id }) : create.mutateAsync(input)),
    onSaved,
    // The organization picker shows the issues about the organization's id.
    fieldPaths: (submitted) => [...Object.keys(submitted), 'organizationId'],
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PartyAndProduct
          side={side}
          party={values.organization}
          partyError={form.errors.organizationId}
          onParty={(organization) => form.setValues({ organization, productId: null, communeCode: null })}
          groupCode={values.productGroupCode}
          groupError={form.errors.productGroupCode}
          onGroup={(next) => {
            group.pick();
            form.setFieldValue('productGroupCode', next);
          }}
        >
          {values.organization !== null && (
            <OrganizationParts
              key={values.organization.id}
              organizationId={values.organization.id}
              values={values}
              stored={initial ? { organizationId: initial.organization.id, firstDay: initial.availableFrom } : null}
              errors={form.errors}
              onProduct={setProduct}
              onCommune={(communeCode) => form.setFieldValue('communeCode', communeCode)}
              onOwnCommune={(communeCode) => {
                // Filled in for the person, not typed by them: a form untouched so far stays so.
                if (form.isDirty()) form.setFieldValue('communeCode', communeCode);
                else {
                  const filled = { ...form.getValues(), communeCode };
                  form.setValues(filled);
                  form.resetDirty(filled);
                }
              }}
              onAddToProducts={(addToProducts) => form.setFieldValue('addToProducts', addToProducts)}
            />
          )}
        </PartyAndProduct>
        <Fieldset legend={t('supply.offerForm.what')}>
          <Stack gap="sm">
            <QuantityWithUnit form={form} unitCode={values.unitCode} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField label={t('supply.availableFrom')} required {...form.getInputProps('availableFrom')} />
              <DateField label={t('supply.availableUntil')} description={t('supply.availableUntilHint')} minDate={values.availableFrom ?? undefined} {...form.getInputProps('availableUntil')} />
            </SimpleGrid>
            <PriceInputs form={form} unitCode={values.unitCode} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('supply.packaging')} placeholder={t('supply.packagingPlaceholder')} {...form.getInputProps('packaging')} />
              <TextInput label={t('supply.deliveryTerms')} {...form.getInputProps('deliveryTerms')} />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <ContactFieldset programmeId={values.programmeId} programmeError={form.errors.programmeId} form={form} />
        <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('supply.offerForm.save')} saving={saving} onCancel={onCancel}>
          {conflict && (
            <SaveConflictNotice
              conflict={conflict}
              openLabels={{ refused: t('supply.offerForm.viewExisting'), confirmable: t('supply.offerForm.viewExisting') }}
              hrefOf={offerHref}
              saving={saving}
              onSaveAnyway={saveAnyway}
            />
          )}
        </FormFooter>
      </Stack>
    </form>
  );
}

interface OrganizationPartsProps {
  organizationId: number;
  values: OfferValues;
  /** The offer being edited as stored, for what its organization's end refuses (`PartyEndedNote`). */
  stored: StoredParty | null;
  errors: Record<string, unknown>;
  onProduct: (product: string, productId: number | null) => void;
  onCommune: (communeCode: string | null) => void;
  /** The organization's own commune, where its goods are unless the person says otherwise. */
  onOwnCommune: (communeCode: string) => void;
  onAddToProducts: (add: boolean) => void;
}

/** What depends on the organization chosen: its products to pick from, and its communes. */
function OrganizationParts({ organizationId, values, stored, errors, onProduct, onCommune, onOwnCommune, onAddToProducts }: OrganizationPartsProps) {
  const { t } = useTranslation();
  const organization = useOrganization(organizationId);
  const products = useProducts(organizationId);
  const communes = useCommunes(organization.data?.provinceCode ?? '');
  const own = products.data?.products ?? [];
  // A product of that name, or several, is there already: not one more of them.
  const typedIsOwn = productsNamed(own, values.product).length > 0;
  const ownCommune = organization.data?.communeCode ?? null;
  // The goods are where the organization is, unless the person says otherwise.
  useEffect(() => {
    if (values.communeCode === null && ownCommune !== null) onOwnCommune(ownCommune);
  }, [values.communeCode, ownCommune, onOwnCommune]);
  // A product typed before the organization's products were read is its own once they are: the
  // offer is linked to it, and so to its certificates, which the suggestions weigh (the rule
  // `createOffer` and the import follow).
  const ownTyped = values.productId === null ? productNamed(own, values.product) : undefined;
  useEffect(() => {
    if (ownTyped) onProduct(values.product, ownTyped.id);
  }, [ownTyped, values.product, onProduct]);
  const messageOf = (path: string) => (typeof errors[path] === 'string' ? errors[path] : undefined);
  return (
    <Stack gap="sm">
      <PartyEndedNote
        form="offerForm"
        organizationId={organizationId}
        firstDay={values.availableFrom}
        stored={stored}
        refused={messageOf('organizationId') !== undefined || messageOf('availableFrom') !== undefined}
      />
      <Autocomplete
        label={t('supply.product')}
        placeholder={t('supply.offerForm.productPlaceholder')}
        required
        // Two products of one name are one suggestion (the list refuses the same option twice).
        data={[...new Set(own.map((product) => product.name))]}
        // Enter takes the suggestion under the cursor rather than submitting the form half filled.
        selectFirstOptionOnChange
        value={values.product}
        onChange={(product) => onProduct(product, productNamed(own, product)?.id ?? null)}
        error={messageOf('product') ?? messageOf('productId')}
      />
      {values.product.trim() !== '' && !typedIsOwn && (
        <Checkbox label={t('supply.offerForm.addToProducts')} checked={values.addToProducts} onChange={(event) => onAddToProducts(event.currentTarget.checked)} />
      )}
      {own.length === 0 && products.isSuccess && (
        <Text size="xs" c="dimmed">
          {t('supply.offerForm.noProducts')}
        </Text>
      )}
      <LabelledSelect
        label={t('supply.offerForm.commune')}
        required
        allowDeselect={false}
        searchable
        data={(communes.data ?? []).map((commune) => ({ value: commune.code, label: commune.fullName }))}
        value={values.communeCode}
        onChange={onCommune}
        error={messageOf('communeCode')}
      />
    </Stack>
  );
}
