/**
 * Adds a partner, or edits one. Like the member form: the contract's zod schema gives instant
 * feedback, the backend still decides, and while the name, province and tax code are typed possible
 * duplicates are looked up, so that "CTCP Thực phẩm Hà Nội" is not entered a second time as
 * "Công ty Cổ phần Thực phẩm Hà Nội".
 */
import { useState } from 'react';
import { Alert, Anchor, Button, Fieldset, Group, List, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  partnerInput,
  registrationNoPattern,
  type PartnerDetail,
  type PartnerDuplicateCandidate,
  type PartnerInput,
  type PartnerSummary,
} from '../../../../shared/contract';
import { partnerBusinessLines, partnerKinds, type PartnerBusinessLine, type PartnerKind } from '../../../../shared/domain';
import { cleanText } from '../../../../shared/text';
import { ApiError, call, messageOf } from '../../api';
import { LabelledSelect } from '../../components/LabelledSelect';
import { foldFilter } from '../../forms/foldFilter';
import { splitServerError } from '../../forms/serverErrors';
import { useProvinces } from '../../queries';
import { useCreatePartner, usePartnerDuplicateCheck, useUpdatePartner } from '../../queries/partners';
import { partnerHref } from '../../routing/useHashRoute';

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

/** Long enough not to ask on every keystroke, short enough to warn before the form is finished. */
const duplicateDelayMs = 400;

/** A conflict on save: a similar name (the user may confirm) or a tax code already taken. */
interface SaveConflict {
  message: string;
  reason: PartnerDuplicateCandidate['reason'];
  existingId: number | undefined;
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
  const [formError, setFormError] = useState<string | null>(null);
  const [saveConflict, setSaveConflict] = useState<SaveConflict | null>(null);
  const form = useForm<PartnerValues>({
    mode: 'controlled',
    initialValues: valuesOf(initial, defaultProvinceCode ?? null),
    validate: schemaResolver(partnerInput, { sync: true }),
  });

  // Possible duplicates of what is typed so far: a name and a province are enough to ask.
  const [typed] = useDebouncedValue(
    { name: cleanText(form.values.name), provinceCode: form.values.provinceCode, taxCode: form.values.taxCode.replace(/\s/g, '') },
    duplicateDelayMs,
  );
  const duplicateInput =
    typed.name !== '' && typed.provinceCode !== null
      ? {
          name: typed.name,
          provinceCode: typed.provinceCode,
          // A half-typed tax code would only be refused by the check's schema.
          taxCode: registrationNoPattern.test(typed.taxCode) ? typed.taxCode : '',
          excludeId: initial?.id,
        }
      : null;
  const duplicates = usePartnerDuplicateCheck(duplicateInput);
  const candidates = duplicateInput ? (duplicates.data ?? []) : [];

  /** Which kind of conflict the backend reported, told apart by the duplicate check's reason. */
  const conflictReason = async (input: PartnerInput, existingId: number | undefined): Promise<PartnerDuplicateCandidate['reason']> => {
    try {
      // Asked afresh: the conflict may come from a save made since the last check.
      const found = await call('partners:checkDuplicates', {
        name: input.name,
        provinceCode: input.provinceCode,
        taxCode: input.taxCode,
        excludeId: initial?.id,
      });
      const candidate = found.find((item) => item.id === existingId) ?? found.find((item) => item.reason === 'taxCode');
      return candidate?.reason ?? 'sameName';
    } catch {
      return input.taxCode ? 'taxCode' : 'sameName';
    }
  };

  const save = async (values: PartnerValues, confirmSimilarName: boolean) => {
    const { kind, provinceCode } = values;
    // Unreachable once the schema has passed; it tells the type checker what the schema checked.
    if (kind === null || provinceCode === null) return;
    setFormError(null);
    setSaveConflict(null);
    const input: PartnerInput = { ...values, kind, provinceCode, ...(confirmSimilarName ? { confirmSimilarName } : {}) };
    try {
      // What the person typed, as typed: the backend cleans it with the same schema.
      onSaved(initial ? await update.mutateAsync({ ...input, id: initial.id }) : await create.mutateAsync(input));
    } catch (error) {
      if (error instanceof ApiError && error.error.kind === 'conflict') {
        const existingId = error.error.existingId;
        setSaveConflict({ message: error.error.message, reason: await conflictReason(input, existingId), existingId });
        return;
      }
      const { fields, general } = splitServerError(error, Object.keys(values), t('common.unexpectedError'));
      form.setErrors(fields);
      setFormError(general);
    }
  };

  const submit = form.onSubmit((values) => save(values, false));
  const pending = create.isPending || update.isPending;
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
              <LabelledSelect
                label={t('partners.form.province')}
                placeholder={t('partners.form.provincePlaceholder')}
                nothingFoundMessage={t('partners.noProvince')}
                required
                searchable
                allowDeselect={false}
                filter={foldFilter}
                data={(provinces.data ?? []).map((province) => ({ value: province.code, label: province.fullName }))}
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

        {candidates.length > 0 && <DuplicateWarning candidates={candidates} />}

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

        {saveConflict && (
          <Alert color="orange" icon={<IconAlertTriangle />} role="alert">
            <Text size="sm">{saveConflict.message}</Text>
            <Group mt="sm" gap="sm">
              {saveConflict.reason === 'sameName' && (
                <Button size="xs" color="orange" loading={pending} onClick={() => void save(form.getValues(), true)}>
                  {t('register.form.saveAnyway')}
                </Button>
              )}
              {saveConflict.existingId !== undefined && (
                <Button size="xs" variant="light" color="orange" component="a" href={partnerHref(saveConflict.existingId)}>
                  {saveConflict.reason === 'taxCode' ? t('partners.form.openExisting') : t('partners.form.viewExisting')}
                </Button>
              )}
            </Group>
          </Alert>
        )}
        {alertMessage && (
          <Alert color="orange" icon={<IconAlertCircle />}>
            {alertMessage}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {initial ? t('partners.form.saveChanges') : t('partners.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DuplicateWarning({ candidates }: { candidates: PartnerDuplicateCandidate[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" icon={<IconAlertTriangle />} title={t('partners.duplicates.title')}>
      <List size="sm" spacing={4}>
        {candidates.map((candidate) => (
          <List.Item key={candidate.id}>
            <Anchor href={partnerHref(candidate.id)} size="sm">
              {candidate.name}
            </Anchor>{' '}
            <Text span size="sm" c="dimmed">
              ({candidate.provinceName}) — {t(`partners.duplicates.reason.${candidate.reason}`)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
