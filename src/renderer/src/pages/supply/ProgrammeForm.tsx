/**
 * Adds or edits a programme of supply–demand connection (like Programme 503): its name, decision
 * number and period, what it is about, the channels it sells through, and the working group (tổ
 * công tác) with each person's role, position and phone.
 */
import { ActionIcon, Button, Checkbox, Fieldset, Grid, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { programmeInput, type ProgrammeDetail, type ProgrammeMember, type ProgrammeSummary } from '../../../../shared/contract';
import { DateField } from '../../components/DateField';
import { FormFooter } from '../../components/FormFooter';
import { useFormSave } from '../../forms/oneSave';
import { useSupplyLookups, useSupplyWrite } from '../../queries/supply';

interface ProgrammeValues {
  name: string;
  decisionNo: string;
  startsOn: string | null;
  endsOn: string | null;
  description: string;
  members: ProgrammeMember[];
  channelCodes: string[];
}

const emptyMember: ProgrammeMember = { name: '', role: '', position: '', phone: '' };

function valuesOf(initial: ProgrammeDetail | undefined): ProgrammeValues {
  if (!initial) return { name: '', decisionNo: '', startsOn: null, endsOn: null, description: '', members: [], channelCodes: [] };
  const { name, decisionNo, startsOn, endsOn, description, members, channelCodes } = initial;
  return { name, decisionNo, startsOn, endsOn, description, members, channelCodes };
}

function fieldPaths(values: ProgrammeValues): string[] {
  return [...Object.keys(values), ...values.members.flatMap((_, index) => ['name', 'role', 'position', 'phone'].map((field) => `members.${index}.${field}`))];
}

interface ProgrammeFormProps {
  initial?: ProgrammeDetail;
  onSaved: (programme: ProgrammeSummary) => void;
  onCancel: () => void;
}

export function ProgrammeForm({ initial, onSaved, onCancel }: ProgrammeFormProps) {
  const { t } = useTranslation();
  const lookups = useSupplyLookups();
  const create = useSupplyWrite('programmes:create');
  const update = useSupplyWrite('programmes:update');
  const form = useForm<ProgrammeValues>({ mode: 'controlled', initialValues: valuesOf(initial), validate: schemaResolver(programmeInput, { sync: true }) });

  const { submit, saving, formError } = useFormSave({
    form,
    save: (values) => {
      const { startsOn } = values;
      // Unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (startsOn === null) throw new Error('The schema requires a start.');
      const input = { ...values, startsOn };
      return initial ? update.mutateAsync({ ...input, id: initial.id }) : create.mutateAsync(input);
    },
    onSaved,
    fieldPaths,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Fieldset legend={t('supply.programmeForm.general')}>
          <Stack gap="sm">
            <TextInput label={t('supply.programmeForm.name')} placeholder={t('supply.programmeForm.namePlaceholder')} required {...form.getInputProps('name')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('supply.programmeForm.decisionNo')} placeholder="503/CTr-LMHTXVN" {...form.getInputProps('decisionNo')} />
              <DateField label={t('supply.programmeForm.startsOn')} required {...form.getInputProps('startsOn')} />
              <DateField label={t('supply.programmeForm.endsOn')} minDate={form.values.startsOn ?? undefined} {...form.getInputProps('endsOn')} />
            </SimpleGrid>
            <Textarea label={t('supply.programmeForm.description')} autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('supply.programmeForm.channels')}>
          <Checkbox.Group {...form.getInputProps('channelCodes')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {(lookups.data?.channels ?? []).map((channel) => (
                <Checkbox key={channel.code} value={channel.code} label={channel.name} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Fieldset>
        <Fieldset legend={t('supply.programmeForm.members')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('supply.programmeForm.membersHint')}
            </Text>
            {form.values.members.map((_, index) => (
              <Grid key={index} gap="sm" align="flex-start" role="group" aria-label={t('supply.programmeForm.member', { number: index + 1 })}>
                <Grid.Col span={{ base: 12, sm: 3 }}>
                  <TextInput label={t('supply.programmeForm.memberName')} {...form.getInputProps(`members.${index}.name`)} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 2 }}>
                  <TextInput label={t('supply.programmeForm.memberRole')} placeholder={t('supply.programmeForm.memberRolePlaceholder')} {...form.getInputProps(`members.${index}.role`)} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <TextInput label={t('supply.programmeForm.memberPosition')} {...form.getInputProps(`members.${index}.position`)} />
                </Grid.Col>
                <Grid.Col span={{ base: 10, sm: 2 }}>
                  <TextInput label={t('supply.programmeForm.memberPhone')} {...form.getInputProps(`members.${index}.phone`)} />
                </Grid.Col>
                <Grid.Col span={{ base: 2, sm: 1 }}>
                  <ActionIcon variant="subtle" color="red" size="lg" mt={26} aria-label={t('supply.programmeForm.removeMember', { number: index + 1 })} onClick={() => form.removeListItem('members', index)}>
                    <IconTrash size={18} />
                  </ActionIcon>
                </Grid.Col>
              </Grid>
            ))}
            <Group>
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('members', emptyMember)}>
                {t('supply.programmeForm.addMember')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('supply.programmeForm.save')} saving={saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
