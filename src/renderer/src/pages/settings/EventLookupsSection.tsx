/**
 * Danh mục sự kiện: the kinds of event and the roles of participants, which the office adds to,
 * renames and retires. A retired row is no longer offered for new events and participants; the
 * records that have it keep it (see src/core/services/eventLookups.ts).
 */
import { useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { eventLookupInput, type EventKindRow, type EventLookupRow, type EventLookupTable } from '../../../../shared/contract';
import { formatCount } from '../../../../shared/format';
import { messageOf } from '../../api';
import { FormFooter } from '../../components/FormFooter';
import { LoadError } from '../../components/LoadError';
import { useFormSave } from '../../forms/oneSave';
import { useEventLookups, useSaveEventLookup } from '../../queries/events';
import { FormModal } from '../../forms/unsavedChanges';

/** A row of either list; only a kind says whether it is held online. */
type LookupRow = EventLookupRow & Partial<Pick<EventKindRow, 'online'>>;

type Editing = { table: EventLookupTable; row: LookupRow | null } | null;

export function EventLookupsSection() {
  const { t } = useTranslation();
  const lookups = useEventLookups();
  const save = useSaveEventLookup();
  const [editing, setEditing] = useState<Editing>(null);
  if (lookups.isError) return <LoadError error={lookups.error} onRetry={() => void lookups.refetch()} />;
  const rowsOf = (table: EventLookupTable): readonly LookupRow[] => lookups.data?.[table] ?? [];

  const toggle = (table: EventLookupTable, row: EventLookupRow) =>
    save
      .mutateAsync({ table, code: row.code, name: row.name, retired: !row.retired })
      .then(() => notifications.show({ color: 'teal', message: t(row.retired ? 'events.lookups.reusedDone' : 'events.lookups.retiredDone', { name: row.name }) }))
      .catch((error: unknown) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) }));

  const list = (table: EventLookupTable, title: string, addLabel: string) => (
    <Stack gap="xs" component="section" aria-label={title}>
      <Group justify="space-between">
        <Title order={4}>{title}</Title>
        <Button variant="light" size="xs" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ table, row: null })}>
          {addLabel}
        </Button>
      </Group>
      <Table striped aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('events.lookups.name')}</Table.Th>
            <Table.Th ta="right">{t('events.lookups.used')}</Table.Th>
            <Table.Th>{t('events.lookups.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rowsOf(table).map((row) => (
            <Table.Tr key={row.code}>
              <Table.Td c={row.retired ? 'dimmed' : undefined}>
                {row.name}
                {row.online && (
                  <Badge ml="xs" variant="light" color="blue" tt="none">
                    {t('events.lookups.online')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatCount(row.used)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={row.retired ? 'gray' : 'teal'}>
                  {row.retired ? t('events.lookups.retired') : t('events.lookups.active')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <ActionIcon variant="subtle" aria-label={t('events.lookups.edit', { name: row.name })} onClick={() => setEditing({ table, row })}>
                    <IconPencil size={16} />
                  </ActionIcon>
                  {(() => {
                    const label = t(row.retired ? 'events.lookups.reuse' : 'events.lookups.retire', { name: row.name });
                    return (
                      <Tooltip label={label}>
                        <ActionIcon variant="subtle" color={row.retired ? 'teal' : 'gray'} aria-label={label} onClick={() => void toggle(table, row)}>
                          {row.retired ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
                        </ActionIcon>
                      </Tooltip>
                    );
                  })()}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );

  return (
    <Stack>
      <Text size="sm" c="dimmed" maw={760}>
        {t('events.lookups.intro')}
      </Text>
      {list('kinds', t('events.lookups.kinds'), t('events.lookups.addKind'))}
      {list('roles', t('events.lookups.roles'), t('events.lookups.addRole'))}
      {editing && <LookupDialog editing={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function LookupDialog({ editing, onClose }: { editing: NonNullable<Editing>; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveEventLookup();
  const { table, row } = editing;
  const form = useForm({
    mode: 'controlled',
    initialValues: { table, name: row?.name ?? '', retired: row?.retired ?? false, online: table === 'kinds' ? (row?.online ?? false) : undefined },
    validate: schemaResolver(eventLookupInput, { sync: true }),
  });
  const { submit, saving, formError } = useFormSave({
    form,
    save: (values) => save.mutateAsync({ ...values, ...(row ? { code: row.code } : {}) }),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('events.lookups.saved') });
      onClose();
    },
    // Only the name has an input; what is said of the rest is said for the whole dialog.
    fieldPaths: () => ['name'],
  });
  const title = table === 'kinds' ? (row ? t('events.lookups.editKind') : t('events.lookups.addKind')) : row ? t('events.lookups.editRole') : t('events.lookups.addRole');
  return (
    <FormModal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('events.lookups.name')} required data-autofocus {...form.getInputProps('name')} />
          {table === 'kinds' && (
            <Checkbox label={t('events.lookups.onlineLabel')} description={t('events.lookups.onlineHint')} {...form.getInputProps('online', { type: 'checkbox' })} />
          )}
          <FormFooter dirty={form.isDirty()} error={formError} submitLabel={t('events.lookups.save')} saving={saving} onCancel={onClose} />
        </Stack>
      </form>
    </FormModal>
  );
}
