/**
 * Adds one member organization. The zod schema of the contract gives instant feedback; the
 * backend still decides, and its field issues and conflicts are shown where they belong.
 */
import { useState } from 'react';
import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { organizationInput } from '../../../shared/contract';
import { organizationKinds, type Organization, type OrganizationKind } from '../../../shared/domain';
import { messageOf } from '../api';
import { foldFilter } from '../forms/foldFilter';
import { splitServerError } from '../forms/serverErrors';
import { useCommunes, useCreateOrganization } from '../queries';
import { LabelledSelect } from './LabelledSelect';

interface OrganizationValues {
  kind: OrganizationKind | null;
  name: string;
  shortName: string;
  registrationNo: string;
  communeCode: string | null;
  street: string;
}

const emptyValues: OrganizationValues = { kind: null, name: '', shortName: '', registrationNo: '', communeCode: null, street: '' };

interface OrganizationFormProps {
  /** Members are registered in the alliance's own province, so only its communes are offered. */
  provinceCode: string;
  onCreated: (organization: Organization) => void;
  onCancel: () => void;
}

export function OrganizationForm({ provinceCode, onCreated, onCancel }: OrganizationFormProps) {
  const { t } = useTranslation();
  const communes = useCommunes(provinceCode);
  const create = useCreateOrganization();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<OrganizationValues>({
    mode: 'controlled',
    initialValues: emptyValues,
    validate: schemaResolver(organizationInput, { sync: true }),
  });

  const submit = form.onSubmit(async (values) => {
    const { kind, communeCode } = values;
    // Unreachable once the schema has passed; it tells the type checker what the schema checked.
    if (kind === null || communeCode === null) return;
    setFormError(null);
    try {
      // What the person typed, as typed: the backend cleans it with the same schema.
      onCreated(await create.mutateAsync({ ...values, kind, communeCode }));
    } catch (error) {
      const { fields, general } = splitServerError(error, Object.keys(values), t('common.unexpectedError'));
      form.setErrors(fields);
      setFormError(general);
    }
  });

  const alertMessage = formError ?? (communes.isError ? messageOf(communes.error, t('common.loadFailed')) : null);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <LabelledSelect
          label={t('organization.form.kind')}
          placeholder={t('organization.form.kindPlaceholder')}
          required
          allowDeselect={false}
          data={organizationKinds.map((kind) => ({ value: kind, label: t(`organization.kind.${kind}`) }))}
          {...form.getInputProps('kind')}
        />
        <TextInput label={t('organization.form.name')} required {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('organization.form.shortName')} {...form.getInputProps('shortName')} />
          <TextInput
            label={t('organization.form.registrationNo')}
            description={t('organization.form.registrationNoHint')}
            // The hint goes under the box so that the two boxes of the row stay level.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            inputMode="numeric"
            {...form.getInputProps('registrationNo')}
          />
        </SimpleGrid>
        <LabelledSelect
          label={t('organization.form.commune')}
          placeholder={t('organization.form.communePlaceholder')}
          nothingFoundMessage={t('organization.form.noCommune')}
          required
          searchable
          allowDeselect={false}
          filter={foldFilter}
          data={(communes.data ?? []).map((commune) => ({ value: commune.code, label: commune.fullName }))}
          {...form.getInputProps('communeCode')}
        />
        <TextInput label={t('organization.form.street')} {...form.getInputProps('street')} />
        {alertMessage && (
          <Alert color="orange" icon={<IconAlertCircle />}>
            {alertMessage}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('organization.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
