/**
 * Người liên hệ: the people the office calls. The list is saved as a whole ('contacts:set'), so it
 * is edited as a whole: add rows, remove rows, then save once.
 */
import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { FORM_INDEX, schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contactInput, type OrganizationDetail } from '../../../../shared/contract';
import { useFormSave } from '../../forms/oneSave';
import { useSetContacts } from '../../queries';

const contactFields = ['name', 'role', 'phone', 'email'] as const;

interface ContactValues {
  contacts: { name: string; role: string; phone: string; email: string }[];
}

const contactsForm = z.object({ contacts: z.array(contactInput) });

export function ContactsTab({ organization }: { organization: OrganizationDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('register.contacts.title')}
        </Title>
        {!editing && (
          <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {t('register.contacts.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <ContactsEditor organization={organization} onDone={() => setEditing(false)} />
      ) : organization.contacts.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('register.contacts.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={500}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {contactFields.map((field) => (
                  <Table.Th key={field}>{t(`register.contacts.${field}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organization.contacts.map((contact) => (
                <Table.Tr key={contact.id}>
                  {contactFields.map((field) => (
                    <Table.Td key={field}>{contact[field]}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function ContactsEditor({ organization, onDone }: { organization: OrganizationDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSetContacts();
  const form = useForm<ContactValues>({
    mode: 'controlled',
    initialValues: {
      contacts: organization.contacts.map(({ name, role, phone, email }) => ({ name, role, phone, email })),
    },
    validate: schemaResolver(contactsForm, { sync: true }),
    // A wrong phone or e-mail is said when the person leaves the box, not only on saving.
    validateInputOnBlur: [`contacts.${FORM_INDEX}.phone`, `contacts.${FORM_INDEX}.email`],
  });

  const { submit, saving, formError } = useFormSave({
    form,
    save: (values) => save.mutateAsync({ organizationId: organization.id, contacts: values.contacts }),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('register.contacts.saved') });
      onDone();
    },
    // The backend names fields `contacts.<row>.<field>`, as the form does.
    fieldPaths: (values) => values.contacts.flatMap((_, index) => contactFields.map((field) => `contacts.${index}.${field}`)),
  });

  const blank = { name: '', role: '', phone: '', email: '' };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {form.values.contacts.map((_, index) => (
          <Group key={index} align="flex-start" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 4 }} flex={1}>
              <TextInput label={t('register.contacts.name')} required {...form.getInputProps(`contacts.${index}.name`)} />
              <TextInput label={t('register.contacts.role')} {...form.getInputProps(`contacts.${index}.role`)} />
              <TextInput label={t('register.contacts.phone')} type="tel" {...form.getInputProps(`contacts.${index}.phone`)} />
              <TextInput label={t('register.contacts.email')} type="email" {...form.getInputProps(`contacts.${index}.email`)} />
            </SimpleGrid>
            <ActionIcon
              mt={26}
              variant="subtle"
              color="red"
              aria-label={t('register.contacts.remove')}
              onClick={() => form.removeListItem('contacts', index)}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('contacts', { ...blank })}>
            {t('register.contacts.add')}
          </Button>
        </Group>
        {formError && (
          <Alert color="orange" icon={<IconAlertCircle />}>
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('register.contacts.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
