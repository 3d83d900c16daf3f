/**
 * Adds or edits a demand (nhu cầu): who asks — a partner, or a member organization that buys —
 * the product and its group (proposed from its words until picked), quantity with unit, the days
 * the goods are needed, where they are delivered, the certificates required (OCOP with its least
 * number of stars), other quality asked for, price, contact, programme.
 */
import { ActionIcon, Button, Fieldset, Grid, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { demandInput, type DemandDetail, type DemandInput, type DemandSummary } from '../../../../shared/contract';
import type { Counterpart } from '../../components/CounterpartPicker';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { LabelledSelect } from '../../components/LabelledSelect';
import { NumberField, type NumberFieldValue } from '../../components/NumberField';
import { SaveConflictNotice } from '../../components/DuplicateNotices';
import { useSaveWithDuplicateCheck } from '../../forms/duplicateCheck';
import { demandHref } from '../../routing/useHashRoute';
import { useAlliance, useLookups, useProvinces } from '../../queries';
import { useSupplyWrite } from '../../queries/supply';
import { ContactFieldset, PartyAndProduct, PartyEndedNote, PriceInputs, QuantityWithUnit, useProposedGroup, type PartySide } from './SupplyFormParts';

interface RequirementValues {
  kindCode: string | null;
  minStars: NumberFieldValue;
}

interface DemandValues {
  buyer: Counterpart | null;
  product: string;
  productGroupCode: string | null;
  quantity: NumberFieldValue;
  unitCode: string | null;
  neededFrom: string | null;
  neededUntil: string | null;
  priceMin: NumberFieldValue;
  priceMax: NumberFieldValue;
  deliveryProvinceCode: string | null;
  deliveryPlace: string;
  requirements: RequirementValues[];
  qualityNote: string;
  contactName: string;
  contactPhone: string;
  note: string;
  programmeId: number | null;
}

function valuesOf(initial: DemandDetail | undefined, preset: { buyer?: Counterpart; programmeId?: number }, provinceCode: string | null): DemandValues {
  if (initial) {
    return {
      buyer: { kind: initial.buyer.kind, id: initial.buyer.id, name: initial.buyer.name },
      product: initial.product,
      productGroupCode: initial.productGroupCode,
      quantity: initial.quantity,
      unitCode: initial.unitCode,
      neededFrom: initial.neededFrom,
      neededUntil: initial.neededUntil,
      priceMin: initial.priceMin,
      priceMax: initial.priceMax,
      deliveryProvinceCode: initial.deliveryProvinceCode,
      deliveryPlace: initial.deliveryPlace,
      requirements: initial.requirements.map(({ kindCode, minStars }) => ({ kindCode, minStars })),
      qualityNote: initial.qualityNote,
      contactName: initial.contactName,
      contactPhone: initial.contactPhone,
      note: initial.note,
      programmeId: initial.programmeId,
    };
  }
  return {
    buyer: preset.buyer ?? null,
    product: '',
    productGroupCode: null,
    quantity: null,
    unitCode: null,
    neededFrom: null,
    neededUntil: null,
    priceMin: null,
    priceMax: null,
    deliveryProvinceCode: provinceCode,
    deliveryPlace: '',
    requirements: [],
    qualityNote: '',
    contactName: '',
    contactPhone: '',
    note: '',
    programmeId: preset.programmeId ?? null,
  };
}

/** Every path the backend may name an issue by, so that each lands under its own input. */
function fieldPaths(values: DemandValues): string[] {
  return [...Object.keys(values), ...values.requirements.flatMap((_, index) => [`requirements.${index}.kindCode`, `requirements.${index}.minStars`])];
}

interface DemandFormProps {
  /** What the demand's side (sides.tsx) says of its party. */
  side: PartySide;
  initial?: DemandDetail;
  preset?: { buyer?: Counterpart; programmeId?: number };
  onSaved: (demand: DemandSummary) => void;
  onCancel: () => void;
}

export function DemandForm({ side, initial, preset = {}, onSaved, onCancel }: DemandFormProps) {
  const { t } = useTranslation();
  const certificationKinds = useLookups().data?.certificationKinds ?? [];
  const provinces = useProvinces();
  const home = useAlliance().data?.provinceCode ?? null;
  const create = useSupplyWrite('demands:create');
  const update = useSupplyWrite('demands:update');
  const group = useProposedGroup(initial !== undefined);
  const form = useForm<DemandValues>({ mode: 'controlled', initialValues: valuesOf(initial, preset, home), validate: schemaResolver(demandInput, { sync: true }) });
  const { values } = form;

  // An open demand of the same buyer and product over the same days is asked about, as a partner of
  // a near-identical name is: «Vẫn lưu» saves it all the same.
  const { submit, saveAnyway, conflict, saving, formError } = useSaveWithDuplicateCheck({
    form,
    inputOf: (submitted): DemandInput | null => {
      const { buyer, productGroupCode, quantity, unitCode, neededFrom, priceMin, priceMax, deliveryProvinceCode } = submitted;
      const requirements = submitted.requirements.flatMap(({ kindCode, minStars }) => (kindCode === null || typeof minStars === 'string' ? [] : [{ kindCode, minStars }]));
      // Null is unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (
        buyer === null ||
        productGroupCode === null ||
        typeof quantity !== 'number' ||
        unitCode === null ||
        neededFrom === null ||
        typeof priceMin === 'string' ||
        typeof priceMax === 'string' ||
        deliveryProvinceCode === null ||
        requirements.length !== submitted.requirements.length
      ) {
        return null;
      }
      return {
        ...submitted,
        buyer: { kind: buyer.kind, id: buyer.id },
        productGroupCode,
        quantity,
        unitCode,
        neededFrom,
        priceMin,
        priceMax,
        deliveryProvinceCode,
        requirements,
      };
    },
    persist: (input) => (initial ? update.mutateAsync({ ...input, id: initial.id }) : create.mutateAsync(input)),
    onSaved,
    fieldPaths,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PartyAndProduct
          side={side}
          party={values.buyer}
          partyError={form.errors.buyer ?? form.errors['buyer.id'] ?? form.errors['buyer.kind']}
          onParty={(buyer) => form.setFieldValue('buyer', buyer)}
          groupCode={values.productGroupCode}
          groupError={form.errors.productGroupCode}
          onGroup={(next) => {
            group.pick();
            form.setFieldValue('productGroupCode', next);
          }}
        >
          {values.buyer?.kind === 'organization' && (
            <PartyEndedNote
              form="demandForm"
              organizationId={values.buyer.id}
              firstDay={values.neededFrom}
              stored={initial ? { organizationId: initial.buyer.kind === 'organization' ? initial.buyer.id : null, firstDay: initial.neededFrom } : null}
              refused={form.errors.buyer !== undefined || form.errors.neededFrom !== undefined}
            />
          )}
          <TextInput
            label={t('supply.product')}
            placeholder={t('supply.demandForm.productPlaceholder')}
            required
            {...form.getInputProps('product')}
            onChange={(event) => {
              const product = event.currentTarget.value;
              form.setValues({ product, ...group.forProduct(product) });
            }}
          />
        </PartyAndProduct>
        <Fieldset legend={t('supply.demandForm.what')}>
          <Stack gap="sm">
            <QuantityWithUnit form={form} unitCode={values.unitCode} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField label={t('supply.neededFrom')} required {...form.getInputProps('neededFrom')} />
              <DateField label={t('supply.neededUntil')} minDate={values.neededFrom ?? undefined} {...form.getInputProps('neededUntil')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <LabelledSelect
                label={t('supply.deliveryProvince')}
                required
                allowDeselect={false}
                searchable
                data={(provinces.data ?? []).map((province) => ({ value: province.code, label: province.fullName }))}
                {...form.getInputProps('deliveryProvinceCode')}
              />
              <TextInput label={t('supply.deliveryPlace')} placeholder={t('supply.deliveryPlacePlaceholder')} {...form.getInputProps('deliveryPlace')} />
            </SimpleGrid>
            <PriceInputs form={form} unitCode={values.unitCode} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('supply.demandForm.quality')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('supply.demandForm.requirementsHint')}
            </Text>
            {values.requirements.map((requirement, index) => {
              const kind = certificationKinds.find((candidate) => candidate.code === requirement.kindCode);
              return (
                <Grid key={index} align="flex-start" gap="sm">
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <LabelledSelect
                      label={t('supply.demandForm.requirement', { number: index + 1 })}
                      required
                      allowDeselect={false}
                      data={certificationKinds.map((candidate) => ({ value: candidate.code, label: candidate.name }))}
                      {...form.getInputProps(`requirements.${index}.kindCode`)}
                      onChange={(kindCode) => {
                        // Stars stay only with a kind that has them: left under another kind, they would be
                        // refused from a box no longer shown.
                        const starred = certificationKinds.some((candidate) => candidate.code === kindCode && candidate.hasStars);
                        form.setFieldValue(`requirements.${index}`, { kindCode, minStars: starred ? requirement.minStars : null });
                      }}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 10, sm: 5 }}>
                    {kind?.hasStars && (
                      <NumberField label={t('supply.demandForm.minStars')} min={1} max={5} {...form.getInputProps(`requirements.${index}.minStars`)} />
                    )}
                  </Grid.Col>
                  <Grid.Col span={{ base: 2, sm: 1 }}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      mt={26}
                      aria-label={t('supply.demandForm.removeRequirement', { number: index + 1 })}
                      onClick={() => form.removeListItem('requirements', index)}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Grid.Col>
                </Grid>
              );
            })}
            <Group>
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('requirements', { kindCode: null, minStars: null })}>
                {t('supply.demandForm.addRequirement')}
              </Button>
            </Group>
            <Textarea label={t('supply.qualityNote')} autosize minRows={1} maxRows={3} {...form.getInputProps('qualityNote')} />
          </Stack>
        </Fieldset>
        <ContactFieldset programmeId={values.programmeId} programmeError={form.errors.programmeId} form={form} />
        <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('supply.demandForm.save')} saving={saving} onCancel={onCancel}>
          {conflict && (
            <SaveConflictNotice
              conflict={conflict}
              openLabels={{ refused: t('supply.demandForm.viewExisting'), confirmable: t('supply.demandForm.viewExisting') }}
              hrefOf={demandHref}
              saving={saving}
              onSaveAnyway={saveAnyway}
            />
          )}
        </FormFooter>
      </Stack>
    </form>
  );
}
