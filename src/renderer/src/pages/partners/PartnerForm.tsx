/**
 * Adds a partner, or edits one. Like the member form: the contract's zod schema gives instant
 * feedback, the backend still decides, and while the name, province and tax code are typed possible
 * duplicates are looked up, so that "CTCP Thực phẩm Hà Nội" is not entered a second time as
 * "Công ty Cổ phần Thực phẩm Hà Nội".
 */
import { Fieldset, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { partnerInput, type PartnerDetail, type PartnerInput, type PartnerSummary } from '../../../../shared/contract';
import { partnerBusinessLines, partnerKinds, type PartnerBusinessLine, type PartnerKind } from '../../../../shared/domain';
import { messageOf } from '../../api';
import { PossibleDuplicates, SaveConflictNotice } from '../../components/DuplicateNotices';
import { FormFooter } from '../../components/FormFooter';
import { LabelledSelect } from '../../components/LabelledSelect';
import { useSaveWithDuplicateCheck, useTypedIdentity } from '../../forms/duplicateCheck';
import { useCreatePartner, usePartnerDuplicateCheck, useUpdatePartner } from '../../queries/partners';
import { partnerHref } from '../../routing/useHashRoute';
import { useProvinces } from '../../queries';
import { ProvinceSelect } from '../../components/ProvinceSelect';

interface PartnerValues {
  kind: PartnerKind | null;
  businessLine: PartnerBusinessLine | null;
  name: string;
  shortName: string;
  taxCode: string;
  provinceCode: string | null;
  address: string;
  contactName: string;
  contactRole: string;
  phone: string;
  email: string;
  website: string;
  buys: string;
  qualityRequirements: string;
  note: string;
}

function valuesOf(partner: PartnerDetail | undefined, defaultProvinceCode: string | null): PartnerValues {
  return {
    kind: partner?.kind ?? null,
    businessLine: partner?.businessLine ?? null,
    name: partner?.name ?? '',
    shortName: partner?.shortName ?? '',
    taxCode: partner?.taxCode ?? '',
    provinceCode: partner?.provinceCode ?? defaultProvinceCode,
    address: partner?.address ?? '',
    contactName: partner?.contactName ?? '',
    contactRole: partner?.contactRole ?? '',
    phone: partner?.phone ?? '',
    email: partner?.email ?? '',
    website: partner?.website ?? '',
    buys: partner?.buys ?? '',
    qualityRequirements: partner?.qualityRequirements ?? '',
    note: partner?.note ?? '',
  };
}

interface PartnerFormProps {
  /** The partner being edited; absent to add a new one. */
  initial?: PartnerDetail;
  /** The province a new partner starts in (most partners are near the office); any of the 34 may be chosen. */
  defaultProvinceCode?: string;
  onSaved: (partner: PartnerSummary) => void;
  onCancel: () => void;
}

export function PartnerForm({ initial, defaultProvinceCode, onSaved, onCancel }: PartnerFormProps) {
  const { t } = useTranslation();
  const provinces = useProvinces();
  const create = useCreatePartner();
  const update = useUpdatePartner();
  const form = useForm<PartnerValues>({
    mode: 'controlled',
    initialValues: valuesOf(initial, defaultProvinceCode ?? null),
    validate: schemaResolver(partnerInput, { sync: true }),
    // A wrong phone or e-mail is said when the person leaves the box, not only on saving.
    validateInputOnBlur: ['phone', 'email'],
  });
  const { submit, saveAnyway, conflict, formError, saving } = useSaveWithDuplicateCheck({
    form,
    // Null is unreachable once the schema has passed; it tells the type checker what the schema checked.
    inputOf: ({ kind, provinceCode, ...values }): PartnerInput | null =>
      kind === null || provinceCode === null ? null : { ...values, kind, provinceCode },
    persist: (input) => (initial ? update.mutateAsync({ ...input, id: initial.id }) : create.mutateAsync(input)),
    onSaved,
  });

  // Possible duplicates of what is typed so far: a name and a province are enough to ask.
  const typed = useTypedIdentity(form.values.name, form.values.provinceCode, form.values.taxCode);
  const duplicates = usePartnerDuplicateCheck(typed && { name: typed.name, provinceCode: typed.place, taxCode: typed.number, excludeId: initial?.id });
  const candidates = typed ? (duplicates.data ?? []) : [];

  const alertMessage = formError ?? (provinces.isError ? messageOf(provinces.error, t('common.loadFailed')) : null);

  const kindProps = form.getInputProps('kind');
  const chooseKind = (kind: string | null) => {
    form.setFieldValue('kind', partnerKinds.find((item) => item === kind) ?? null);
    // Only enterprises have a business line; another kind would keep a value it cannot show.
    if (kind !== 'enterprise') form.setFieldValue('businessLine', null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Fieldset legend={t('partners.form.general')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <LabelledSelect
                data-autofocus
                label={t('partners.form.kind')}
                placeholder={t('partners.form.kindPlaceholder')}
                required
                allowDeselect={false}
                data={partnerKinds.map((kind) => ({ value: kind, label: t(`partners.kind.${kind}`) }))}
                {...kindProps}
                onChange={chooseKind}
              />
              {form.values.kind === 'enterprise' && (
                <LabelledSelect
                  label={t('partners.form.businessLine')}
                  placeholder={t('partners.form.businessLinePlaceholder')}
                  clearable
                  data={partnerBusinessLines.map((line) => ({ value: line, label: t(`partners.businessLine.${line}`) }))}
                  {...form.getInputProps('businessLine')}
                />
              )}
            </SimpleGrid>
            <TextInput label={t('partners.form.name')} required {...form.getInputProps('name')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('partners.form.shortName')} {...form.getInputProps('shortName')} />
              <TextInput
                label={t('partners.form.taxCode')}
                description={t('partners.form.taxCodeHint')}
                // The hint goes under the box so that the two boxes of the row stay level.
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                inputMode="numeric"
                {...form.getInputProps('taxCode')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('partners.form.contact')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <ProvinceSelect
                label={t('partners.form.province')}
                placeholder={t('partners.form.provincePlaceholder')}
                nothingFoundMessage={t('partners.noProvince')}
                required
                allowDeselect={false}
                {...form.getInputProps('provinceCode')}
              />
              <TextInput label={t('partners.form.address')} placeholder={t('partners.form.addressHint')} {...form.getInputProps('address')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('partners.form.contactName')} {...form.getInputProps('contactName')} />
              <TextInput label={t('partners.form.contactRole')} {...form.getInputProps('contactRole')} />
              <TextInput label={t('partners.form.phone')} type="tel" {...form.getInputProps('phone')} />
              <TextInput label={t('partners.form.email')} type="email" {...form.getInputProps('email')} />
            </SimpleGrid>
            <TextInput label={t('partners.form.website')} {...form.getInputProps('website')} />
          </Stack>
        </Fieldset>

        <PossibleDuplicates
          title={t('partners.duplicates.title')}
          candidates={candidates}
          describe={(candidate) => `(${candidate.detail}) — ${t(`partners.duplicates.reason.${candidate.reason}`)}`}
          hrefOf={partnerHref}
        />

        <Fieldset legend={t('partners.form.trade')}>
          <Stack gap="sm">
            <Textarea
              label={t('partners.form.buys')}
              placeholder={t('partners.form.buysHint')}
              autosize
              minRows={2}
              {...form.getInputProps('buys')}
            />
            <Textarea
              label={t('partners.form.qualityRequirements')}
              placeholder={t('partners.form.qualityRequirementsHint')}
              autosize
              minRows={2}
              {...form.getInputProps('qualityRequirements')}
            />
            <Textarea label={t('partners.form.note')} autosize minRows={2} {...form.getInputProps('note')} />
          </Stack>
        </Fieldset>
        <FormFooter dirty={form.isDirty()} error={alertMessage} submitLabel={initial ? t('partners.form.saveChanges') : t('partners.form.submit')} saving={saving} onCancel={onCancel}>
          {conflict && (
            <SaveConflictNotice
              conflict={conflict}
              openLabels={{ refused: t('partners.form.openExisting'), confirmable: t('partners.form.viewExisting') }}
              hrefOf={partnerHref}
              saving={saving}
              onSaveAnyway={saveAnyway}
            />
          )}
        </FormFooter>
      </Stack>
    </form>
  );
}

