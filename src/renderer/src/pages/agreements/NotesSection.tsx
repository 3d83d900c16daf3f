/** Ghi chú theo dõi: notes of follow-up calls and visits, newest first, added with their date. */
import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { noteInput, type AgreementDetail } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { messageOf } from '../../api';
import { DateField } from '../../components/DateField';
import { useFormSave } from '../../forms/oneSave';
import { useAddAgreementNote, useRemoveAgreementNote } from '../../queries/agreements';

interface NoteValues {
  agreementId: number;
  notedOn: string | null;
  text: string;
}

export function NotesSection({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const add = useAddAgreementNote();
  const remove = useRemoveAgreementNote();
  const form = useForm<NoteValues>({
    mode: 'controlled',
    initialValues: { agreementId: agreement.id, notedOn: dayjs().format('YYYY-MM-DD'), text: '' },
    validate: schemaResolver(noteInput, { sync: true }),
  });

  const { submit, saving, formError } = useFormSave({
    form,
    // The box stays for the next note.
    again: true,
    save: ({ notedOn, ...values }) => {
      // Unreachable once the schema has passed; it tells the type checker what the schema checked.
      if (notedOn === null) throw new Error('The schema requires a date.');
      return add.mutateAsync({ ...values, notedOn });
    },
    onSaved: () => form.setFieldValue('text', ''),
  });

  const removeNote = (id: number) => {
    remove.mutateAsync({ id }).catch((error: unknown) => {
      notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) });
    });
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('agreements.notes.title')}</Title>
        <form onSubmit={submit} noValidate aria-label={t('agreements.notes.add')}>
          <Stack gap="xs">
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <DateField label={t('agreements.notes.notedOn')} required w={150} {...form.getInputProps('notedOn')} />
              <Textarea
                label={t('agreements.notes.text')}
                placeholder={t('agreements.notes.textPlaceholder')}
                required
                autosize
                minRows={1}
                flex={1}
                {...form.getInputProps('text')}
              />
            </Group>
            {formError && (
              <Text size="sm" c="red" role="alert">
                {formError}
              </Text>
            )}
            <Group justify="flex-end">
              <Button type="submit" size="xs" variant="light" leftSection={<IconPlus size={14} />} loading={saving}>
                {t('agreements.notes.add')}
              </Button>
            </Group>
          </Stack>
        </form>
        {agreement.notes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('agreements.notes.empty')}
          </Text>
        ) : (
          <Stack gap="xs">
            {agreement.notes.map((note) => (
              <Group key={note.id} justify="space-between" align="flex-start" wrap="nowrap">
                <div>
                  <Text size="xs" c="dimmed">
                    {formatDate(note.notedOn)}
                  </Text>
                  <Text size="sm">{note.text}</Text>
                </div>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('agreements.notes.remove', { date: formatDate(note.notedOn) })}
                  onClick={() => removeNote(note.id)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
