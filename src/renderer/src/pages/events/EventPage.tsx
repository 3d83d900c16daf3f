/**
 * One event, `#/su-kien/<id>`: what it was, who took part and who came (Thành phần tham dự, Điểm
 * danh), the printable attendee list and the change history.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPencil, IconPrinter, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/format';
import { LoadError } from '../../components/LoadError';
import { useConfirmedDeletion } from '../../components/useConfirmedDeletion';
import { useAlliance } from '../../queries';
import { useDeleteEvent, useEvent, useEventNames, useRestoreEvent } from '../../queries/events';
import { eventHref, hrefOf } from '../../routing/useHashRoute';
import { AttendeeList } from './AttendeeList';
import { EventForm } from './EventForm';
import { EventAgreements } from '../agreements/EventAgreements';
import { RecordHistory } from '../../components/RecordHistory';
import { formatDates } from './EventsPage';
import { ParticipantsSection } from './ParticipantsSection';
import { FormModal } from '../../forms/unsavedChanges';

export function EventPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const event = useEvent(id);

  if (event.isPending) {
    return (
      <Center mih={200}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (event.isError) return <LoadError error={event.error} onRetry={() => void event.refetch()} />;
  return <EventView event={event.data} />;
}

function EventView({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const names = useEventNames();
  const alliance = useAlliance().data;
  const allianceName = alliance?.name ?? '';
  const [editing, editForm] = useDisclosure(false);
  const [printing, setPrinting] = useState(false);
  const remove = useDeleteEvent();
  const restore = useRestoreEvent();
  const place = event.provinceCode === null ? t('events.online') : event.provinceName;
  const kindName = names.kind(event.kind);

  const confirmDelete = useConfirmedDeletion({
    messages: {
      title: t('events.profile.deleteTitle'),
      question: t('events.profile.deleteConfirm', { title: event.title }),
      deleted: t('events.profile.deleted', { title: event.title }),
      restored: t('events.profile.restored', { title: event.title }),
    },
    remove: () => remove.mutateAsync({ id: event.id }),
    restore: () => restore.mutateAsync({ id: event.id }),
    list: 'su-kien',
    hrefOf: eventHref,
  });

  const facts: { label: string; value: string }[] = [
    { label: t('events.profile.dates'), value: formatDates(event) },
    { label: t('events.profile.venue'), value: event.venue },
    { label: t('events.profile.province'), value: place },
    { label: t('events.profile.organizer'), value: event.organizer },
    { label: t('events.profile.coOrganizers'), value: event.coOrganizers },
    { label: t('events.profile.budget'), value: event.budget === null ? '' : formatMoney(event.budget) },
  ];

  return (
    <Stack>
      <Anchor href={hrefOf('su-kien')} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('events.profile.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          {kindName && (
            <Badge variant="light" tt="none">
              {kindName}
            </Badge>
          )}
          <Title order={2}>{event.title}</Title>
          <Text c="dimmed">{[formatDates(event), event.venue, place].filter(Boolean).join(' · ')}</Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)}>
            {t('events.print.button')}
          </Button>
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editForm.open}>
            {t('events.profile.edit')}
          </Button>
          <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete}>
            {t('events.profile.delete')}
          </Button>
        </Group>
      </Group>

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {facts.map(({ label, value }) => (
            <div key={label}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm" c={value ? undefined : 'dimmed'}>
                {value || t('events.profile.notGiven')}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {[
          { label: t('events.profile.description'), value: event.description },
          { label: t('events.profile.outcome'), value: event.outcome },
        ]
          .filter(({ value }) => value !== '')
          .map(({ label, value }) => (
            <div key={label}>
              <Text size="xs" c="dimmed" mt="md">
                {label}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {value}
              </Text>
            </div>
          ))}
      </Paper>

      <ParticipantsSection event={event} />

      <EventAgreements eventId={event.id} />

      <RecordHistory kind="event" id={event.id} folded />

      <FormModal opened={editing} onClose={editForm.close} title={t('events.form.editTitle')} size="lg">
        {/* Mounted only while open: opened again while still closing, it starts from what is saved. */}
        {editing && (
          <EventForm
            initial={event}
            host={{ name: allianceName, provinceCode: alliance?.provinceCode ?? null }}
            onSaved={() => {
              editForm.close();
              notifications.show({ color: 'teal', message: t('events.form.saved') });
            }}
            onCancel={editForm.close}
          />
        )}
      </FormModal>

      {printing && <AttendeeList event={event} allianceName={allianceName} onClose={() => setPrinting(false)} />}
    </Stack>
  );
}
