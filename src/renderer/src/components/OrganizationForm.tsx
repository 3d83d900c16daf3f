/**
 * Adds a member organization, or edits one. The zod schema of the contract gives instant
 * feedback; the backend still decides, and its field issues and conflicts are shown where they
 * belong. While the name, commune and Mã số HTX are typed, possible duplicates are looked up so
 * that the same cooperative is not entered twice under two spellings.
 */
import { Checkbox, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organizationInput, type OrganizationDetail, type OrganizationInput } from '../../../shared/contract';
import { organizationKinds, type Organization, type OrganizationKind } from '../../../shared/domain';
import { cleanText } from '../../../shared/text';
import { messageOf } from '../api';
import { typingPauseMs, useSaveWithDuplicateCheck, useTypedIdentity } from '../forms/duplicateCheck';
import {
  useCommunes,
  useCreateOrganization,
  useDuplicateCheck,
  useOldAddressSuggestion,
  useLookups,
  useUpdateOrganization,
} from '../queries';
import { organizationHref, trashedOrganizationHref } from '../routing/useHashRoute';
import { DateField } from './DateField';
import { PossibleDuplicates, SaveConflictNotice } from './DuplicateNotices';
import { FormFooter } from './FormFooter';
import { LabelledSelect } from './LabelledSelect';
import { NumberField, type NumberFieldValue } from './NumberField';
import { ProvinceSelect } from './ProvinceSelect';
import { SectorSelect } from './SectorSelect';
import { OldAddressSuggestion } from './OldAddressSuggestion';

interface OrganizationValues {
  kind: OrganizationKind | null;
  name: string;
  shortName: string;
  registrationNo: string;
  communeCode: string | null;
  street: string;
  oldAddress: string;
  foundedOn: string | null;
  sectorCode: string | null;
  phone: string;
  email: string;
  website: string;
  representative: string;
  charterCapital: NumberFieldValue;
  sizeClass: string | null;
  memberSince: string | null;
  memberUntil: string | null;
  highTech: boolean;
  valueChain: boolean;
}

const emptyValues: OrganizationValues = {
  kind: null,
  name: '',
  shortName: '',
  registrationNo: '',
  communeCode: null,
  street: '',
  oldAddress: '',
  foundedOn: null,
  sectorCode: null,
  phone: '',
  email: '',
  website: '',
  representative: '',
  charterCapital: null,
  sizeClass: null,
  memberSince: null,
  memberUntil: null,
  highTech: false,
  valueChain: false,
};

function valuesOf(organization: OrganizationDetail): OrganizationValues {
  const { kind, name, shortName, communeCode, street, oldAddress, foundedOn, sectorCode, phone, email, website } = organization;
  const { representative, charterCapital, sizeClass, memberSince, memberUntil, highTech, valueChain } = organization;
  return {
    kind,
    name,
    shortName,
    registrationNo: organization.registrationNo ?? '',
    communeCode,
    street,
    oldAddress,
    foundedOn,
    sectorCode,
    phone,
    email,
    website,
    representative,
    charterCapital,
    sizeClass,
    memberSince,
    memberUntil,
    highTech,
    valueChain,
  };
}

interface OrganizationFormProps {
  /**
   * The alliance's province: its communes are offered first. A cooperative of another province (a
   * member of a regional union, a guest at an event) is recorded by choosing its province.
   */
  provinceCode: string;
  /** The organization being edited; absent to add a new one. */
  initial?: OrganizationDetail;
  onSaved: (organization: Organization) => void;
  onCancel: () => void;
}

export function OrganizationForm({ provinceCode, initial, onSaved, onCancel }: OrganizationFormProps) {
  const { t } = useTranslation();
  const [province, setProvince] = useState(initial?.provinceCode ?? provinceCode);
  const communes = useCommunes(province);
  const lookups = useLookups();
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  const form = useForm<OrganizationValues>({
    mode: 'controlled',
    initialValues: initial ? valuesOf(initial) : emptyValues,
    validate: schemaResolver(organizationInput, { sync: true }),
    // A wrong phone or e-mail is said when the person leaves the box, not only on saving.
    validateInputOnBlur: ['phone', 'email'],
  });
  const { submit, saveAnyway, conflict, formError, saving } = useSaveWithDuplicateCheck({
    form,
    // Null is unreachable once the schema has passed; it tells the type checker what the schema checked.
    inputOf: ({ kind, communeCode, charterCapital, ...values }): OrganizationInput | null =>
      kind === null || communeCode === null || typeof charterCapital === 'string' ? null : { ...values, kind, communeCode, charterCapital },
    persist: (input) => (initial ? update.mutateAsync({ ...input, id: initial.id }) : create.mutateAsync(input)),
    onSaved,
  });

  // Possible duplicates of what is typed so far: a name and a commune are enough to ask.
  const typed = useTypedIdentity(form.values.name, form.values.communeCode, form.values.registrationNo);
  const duplicates = useDuplicateCheck(typed && { name: typed.name, communeCode: typed.place, registrationNo: typed.number, excludeId: initial?.id });
  const candidates = typed ? (duplicates.data ?? []) : [];
  const [typedOldAddress] = useDebouncedValue(cleanText(form.values.oldAddress), typingPauseMs);
  const oldAddressSuggestion = useOldAddressSuggestion(typedOldAddress).data;

  const loadError = communes.isError
    ? messageOf(communes.error, t('common.loadFailed'))
    : lookups.isError
      ? messageOf(lookups.error, t('common.loadFailed'))
      : null;
  const alertMessage = formError ?? loadError;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Fieldset legend={t('register.form.general')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <LabelledSelect
                // The first field takes the focus when the form opens (Mantine's Modal, useEditInPlace).
                data-autofocus
                label={t('organization.form.kind')}
                placeholder={t('organization.form.kindPlaceholder')}
                required
                allowDeselect={false}
                data={organizationKinds.map((kind) => ({ value: kind, label: t(`organization.kind.${kind}`) }))}
                {...form.getInputProps('kind')}
                // Each year counts it by its kind: one with a past changes kind by a dated «Chuyển đổi».
                disabled={initial?.hasHistory}
                description={initial?.hasHistory ? t('register.form.kindFixed') : undefined}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
              <SectorSelect label={t('register.form.sector')} {...form.getInputProps('sectorCode')} />
            </SimpleGrid>
            <TextInput label={t('organization.form.name')} required {...form.getInputProps('name')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('organization.form.shortName')} {...form.getInputProps('shortName')} />
              <TextInput
                // Before a kind is chosen, a cooperative's (most of the register).
                label={t(`organization.form.registrationNo.${form.values.kind ?? 'htx'}`)}
                description={t('organization.form.registrationNoHint')}
                // The hint goes under the box so that the two boxes of the row stay level.
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                inputMode="numeric"
                {...form.getInputProps('registrationNo')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DateField label={t('register.form.foundedOn')} {...form.getInputProps('foundedOn')} />
              <NumberField label={t('register.form.charterCapital')} unit="₫" writtenAmounts {...form.getInputProps('charterCapital')} />
              <LabelledSelect
                label={t('register.form.sizeClass')}
                placeholder={t('register.form.sizeClassPlaceholder')}
                clearable
                data={(lookups.data?.sizeClasses ?? []).map((size) => ({ value: size.code, label: size.name }))}
                {...form.getInputProps('sizeClass')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('register.form.address')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <ProvinceSelect
                label={t('register.form.province')}
                description={province === provinceCode ? undefined : t('register.form.provinceElsewhere')}
                required
                allowDeselect={false}
                value={province}
                onChange={(code) => {
                  if (!code || code === province) return;
                  setProvince(code);
                  // A commune belongs to one province: choosing another asks for its commune again.
                  form.setFieldValue('communeCode', null);
                }}
              />
              <LabelledSelect
                label={t('organization.form.commune')}
                placeholder={t('organization.form.communePlaceholder')}
                nothingFoundMessage={t('organization.form.noCommune')}
                required
                searchable
                allowDeselect={false}
                data={(communes.data ?? []).map((commune) => ({ value: commune.code, label: commune.fullName }))}
                {...form.getInputProps('communeCode')}
              />
              <TextInput label={t('organization.form.street')} {...form.getInputProps('street')} />
            </SimpleGrid>
            <TextInput
              label={t('register.form.oldAddress')}
              description={t('register.form.oldAddressHint')}
              {...form.getInputProps('oldAddress')}
            />
            {typedOldAddress !== '' && oldAddressSuggestion && (
              <OldAddressSuggestion
                suggestion={oldAddressSuggestion}
                provinceCode={province}
                chosen={form.values.communeCode}
                onChoose={(commune) => {
                  setProvince(commune.provinceCode);
                  form.setFieldValue('communeCode', commune.code);
                }}
              />
            )}
          </Stack>
        </Fieldset>

        <PossibleDuplicates
          title={t('register.duplicates.title')}
          candidates={candidates}
          describe={(candidate) =>
            `(${candidate.detail}) — ${t(`register.duplicates.reason.${candidate.reason}`)}${candidate.inTrash ? `, ${t('register.duplicates.inTrash')}` : ''}`
          }
          // One in the trash opens Thùng rác on it alone, its «Khôi phục» at hand.
          hrefOf={(id) => (candidates.some((candidate) => candidate.id === id && candidate.inTrash) ? trashedOrganizationHref(id) : organizationHref(id))}
        />

        <Fieldset legend={t('register.form.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('register.form.representative')} {...form.getInputProps('representative')} />
            <TextInput label={t('register.form.phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('register.form.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={t('register.form.website')} {...form.getInputProps('website')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('register.form.membership')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('register.form.memberSince')} {...form.getInputProps('memberSince')} />
            <DateField
              label={t('register.form.memberUntil')}
              description={t('register.form.memberUntilHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              {...form.getInputProps('memberUntil')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('register.form.traits')}>
          <Group gap="xl">
            <Checkbox label={t('register.form.highTech')} {...form.getInputProps('highTech', { type: 'checkbox' })} />
            <Checkbox label={t('register.form.valueChain')} {...form.getInputProps('valueChain', { type: 'checkbox' })} />
          </Group>
        </Fieldset>
        <FormFooter dirty={form.isDirty()} error={alertMessage} submitLabel={initial ? t('register.form.saveChanges') : t('organization.form.submit')} saving={saving} onCancel={onCancel}>
          {conflict && (
            <SaveConflictNotice
              conflict={conflict}
              openLabels={{ refused: t('register.form.openExisting'), confirmable: t('register.form.viewExisting') }}
              hrefOf={organizationHref}
              saving={saving}
              onSaveAnyway={saveAnyway}
            />
          )}
        </FormFooter>
      </Stack>
    </form>
  );
}

