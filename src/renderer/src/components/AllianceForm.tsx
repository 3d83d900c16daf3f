/**
 * The alliance's own details, entered on the first run and edited in Settings. Until the user
 * types a name of their own, choosing a province fills in the usual name for it; before that the
 * box is empty, with the pattern of the name as its placeholder, so nothing unfinished can be saved.
 */
import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { allianceInput } from '../../../shared/contract';
import type { Alliance, Province } from '../../../shared/domain';
import { unitNameInSentence } from '../../../shared/format';
import { cleanText } from '../../../shared/text';
import { messageOf } from '../api';
import { useFormSave } from '../forms/oneSave';
import { useProvinces, useSaveAlliance } from '../queries';
import { ProvinceSelect } from './ProvinceSelect';

/**
 * The official name is Vietnamese whatever the interface language: it heads letters and reports.
 * Only ever a placeholder: as a value it was saved as the alliance's name.
 */
const namePattern = 'Liên minh Hợp tác xã tỉnh …';

function suggestedName(province: Province): string {
  return `Liên minh Hợp tác xã ${unitNameInSentence(province.fullName)}`;
}

interface AllianceValues {
  name: string;
  provinceCode: string | null;
  address: string;
  chairName: string;
  phone: string;
  email: string;
}

const emptyValues: AllianceValues = { name: '', provinceCode: null, address: '', chairName: '', phone: '', email: '' };

interface AllianceFormProps {
  /** The saved details, or null on the first run. */
  initial: Alliance | null;
  submitLabel: string;
  onSaved: (alliance: Alliance) => void;
}

export function AllianceForm({ initial, submitLabel, onSaved }: AllianceFormProps) {
  const { t } = useTranslation();
  const provinces = useProvinces();
  const save = useSaveAlliance();
  const form = useForm<AllianceValues>({
    mode: 'controlled',
    initialValues: initial ?? emptyValues,
    validate: schemaResolver(allianceInput, { sync: true }),
    // A wrong phone or e-mail is said when the person leaves the box, not only on saving.
    validateInputOnBlur: ['phone', 'email'],
  });

  const provinceOf = (code: string | null) => provinces.data?.find((province) => province.code === code);

  const chooseProvince = (code: string | null) => {
    const previous = provinceOf(form.values.provinceCode);
    const next = provinceOf(code);
    const name = cleanText(form.values.name);
    const nameIsOurs = name === '' || (previous !== undefined && name === suggestedName(previous));
    form.setFieldValue('provinceCode', code);
    if (next && nameIsOurs) form.setFieldValue('name', suggestedName(next));
  };

  const { submit, saving, formError } = useFormSave({
    form,
    // Settings stays open after a save, for the next change.
    again: true,
    save: ({ provinceCode, ...values }) => {
      // Unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (provinceCode === null) throw new Error('The schema requires a province.');
      // What the person typed, as typed: the backend cleans it with the same schema.
      return save.mutateAsync({ ...values, provinceCode });
    },
    onSaved,
  });

  const alertMessage = formError ?? (provinces.isError ? messageOf(provinces.error, t('common.loadFailed')) : null);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('alliance.name')} placeholder={namePattern} required {...form.getInputProps('name')} />
        <ProvinceSelect
          shortLabels
          label={t('alliance.province')}
          placeholder={t('alliance.provincePlaceholder')}
          nothingFoundMessage={t('alliance.noProvince')}
          required
          allowDeselect={false}
          {...form.getInputProps('provinceCode')}
          onChange={chooseProvince}
        />
        <TextInput label={t('alliance.address')} {...form.getInputProps('address')} />
        <TextInput label={t('alliance.chairName')} description={t('alliance.chairNameHint')} {...form.getInputProps('chairName')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('alliance.phone')} type="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('alliance.email')} type="email" {...form.getInputProps('email')} />
        </SimpleGrid>
        {alertMessage && (
          <Alert color="red" icon={<IconAlertCircle />}>
            {alertMessage}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
