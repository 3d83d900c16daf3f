/**
 * Thành phần tham dự of one event, and Điểm danh: members and partners are added with the
 * counterpart picker; role, attendance and representative change in the table; attendance is set in
 * bulk for the ticked rows, or from a pasted sign-in sheet.
 */
import { useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconClipboardText, IconPlus, IconUserCheck, IconUserX, IconX } from '@tabler/icons-react';
import { type DataTableColumn } from 'mantine-datatable';
import { DataTable } from '../../components/DataTable';
import { useTranslation } from 'react-i18next';
import type { EventDetail, EventParticipant } from '../../../../shared/contract';
import { DEFAULT_PARTICIPANT_ROLE, participantStatuses, type ParticipantRole, type ParticipantStatus } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/format';
import { messageOf } from '../../api';
import { CounterpartPicker, type Counterpart } from '../../components/CounterpartPicker';
import { confirmDiscard, FormModal, useUnsavedChanges } from '../../forms/unsavedChanges';
import { LabelledSelect } from '../../components/LabelledSelect';
import { lookupOptions, useAddParticipants, useEventLookups, useMarkAttendance, useRemoveParticipant, useResetEarlyAttendance, useUpdateParticipant } from '../../queries/events';
import { organizationHref, partnerHref } from '../../routing/useHashRoute';
import { SignInDialog } from './SignInDialog';

/** The lines «Người đại diện» grows to in the table before it scrolls: some fifteen names in full. */
const REPRESENTATIVE_ROWS = 8;

/**
 * The statuses a participant may be given, named: Có mặt and Vắng only once the event has begun
 * (`notYetHeld`), and never Có mặt for a member that had ended by its first day.
 */
function useStatusOptions() {
  const { t } = useTranslation();
  return (event: Pick<EventDetail, 'notYetHeld'>, endedBefore: boolean) =>
    participantStatuses.map((value) => ({
      value,
      label: t(`events.status.${value}`),
      disabled: (event.notYetHeld && (value === 'attended' || value === 'absent')) || (endedBefore && value === 'attended'),
    }));
}

/** "HTX", "THT", … for a member; the partner's kind for a partner. */
export function useParticipantKindLabel() {
  const { t } = useTranslation();
  return ({ organizationKind, partnerKind }: Pick<EventParticipant, 'organizationKind' | 'partnerKind'>) =>
    organizationKind ? t(`organization.kindShort.${organizationKind}`) : partnerKind ? t(`events.partnerKind.${partnerKind}`) : '';
}

export function ParticipantsSection({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const lookups = useEventLookups();
  const kindLabel = useParticipantKindLabel();
  const statusOptions = useStatusOptions();
  const [selected, setSelected] = useState<EventParticipant[]>([]);
  const [adding, addDialog] = useDisclosure(false);
  const [pasting, pasteDialog] = useDisclosure(false);
  const update = useUpdateParticipant();
  const remove = useRemoveParticipant();
  const mark = useMarkAttendance();
  const resetEarly = useResetEarlyAttendance();
  // Rows that left the list (removed elsewhere, or a refetch) are no longer selected.
  const selectedNow = selected.filter((row) => event.participants.some((participant) => participant.id === row.id));

  const failed = (error: unknown) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) });

  const change = (id: number, patch: { role?: ParticipantRole; status?: ParticipantStatus; representative?: string }) =>
    update.mutateAsync({ id, ...patch }).catch(failed);

  const markSelected = async (status: 'attended' | 'absent') => {
    const ids = selectedNow.map((row) => row.id);
    try {
      const marked = await mark.mutateAsync({
        eventId: event.id,
        attendedIds: status === 'attended' ? ids : [],
        absentIds: status === 'absent' ? ids : [],
      });
      setSelected([]);
      notifications.show({ color: 'teal', message: t('events.attendance.marked', { ...marked }) });
    } catch (error) {
      failed(error);
    }
  };

  const confirmRemove = (participant: EventParticipant) =>
    modals.openConfirmModal({
      title: t('events.participants.removeTitle'),
      children: <Text size="sm">{t('events.participants.removeConfirm', { name: participant.name })}</Text>,
      labels: { confirm: t('events.participants.remove'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void remove
          .mutateAsync({ id: participant.id })
          .then(() => notifications.show({ color: 'teal', message: t('events.participants.removed', { name: participant.name }) }))
          .catch(failed),
    });

  // In the trash: still listed, to come back whole if restored, but counted in no number.
  const trashed = event.participants.filter((participant) => participant.inTrash).length;
  // Có mặt or Vắng stored before the event began (entered before attendance waited for its first day,
  // or the event moved later since): counted nowhere (`cameToEvent`), shown here to be set right.
  const recordedEarly = (status: ParticipantStatus) => event.notYetHeld && (status === 'attended' || status === 'absent');
  const early = event.participants.filter((participant) => recordedEarly(participant.status)).length;
  const columns: DataTableColumn<EventParticipant>[] = [
    {
      accessor: 'name',
      title: t('events.participants.column.name'),
      width: '30%',
      render: ({ kind, counterpartId, name, place, inTrash, ended }) => (
        <>
          <Anchor size="sm" href={kind === 'organization' ? organizationHref(counterpartId) : partnerHref(counterpartId)} c="inherit" underline="hover">
            {name}
          </Anchor>
          {inTrash && (
            <Text span size="sm" c="red.7">
              {` ${t('events.participants.inTrash')}`}
            </Text>
          )}
          {ended && (
            // Orange when it had ended by the event's day and so cannot have taken part.
            <Text size="xs" c={ended.beforeEvent ? 'orange.8' : 'dimmed'}>
              {t('events.picker.endedOn', { status: t(`organization.status.${ended.status}`), date: formatDate(ended.endedOn) })}
            </Text>
          )}
          {place && (
            <Text size="xs" c="dimmed">
              {place}
            </Text>
          )}
        </>
      ),
    },
    {
      accessor: 'kind',
      title: t('events.participants.column.kind'),
      noWrap: true,
      render: (participant) => (
        <>
          <Text size="sm">{kindLabel(participant)}</Text>
          <Text size="xs" c="dimmed">
            {participant.kind === 'organization' ? t('events.participants.member') : t('events.participants.partner')}
          </Text>
        </>
      ),
    },
    {
      accessor: 'role',
      title: t('events.participants.column.role'),
      render: ({ id, name, role }) => (
        <Select
          size="xs"
          w={160}
          aria-label={`${t('events.participants.column.role')}: ${name}`}
          allowDeselect={false}
          data={lookupOptions(lookups.data?.roles, role)}
          value={role}
          onChange={(value) => {
            if (value && value !== role) void change(id, { role: value });
          }}
        />
      ),
    },
    {
      accessor: 'status',
      title: t('events.participants.column.status'),
      render: ({ id, name, status, ended }) => (
        <>
          <Select
            size="xs"
            w={140}
            aria-label={`${t('events.participants.column.status')}: ${name}`}
            allowDeselect={false}
            data={statusOptions(event, ended?.beforeEvent === true)}
            value={status}
            onChange={(value) => {
              const next = participantStatuses.find((item) => item === value);
              if (next && next !== status) void change(id, { status: next });
            }}
            styles={{ input: { color: status === 'attended' ? 'var(--mantine-color-teal-8)' : status === 'absent' ? 'var(--mantine-color-red-8)' : undefined } }}
          />
          {recordedEarly(status) && (
            <Text size="xs" c="orange.8" mt={2}>
              {t('events.participants.earlyStatus')}
            </Text>
          )}
        </>
      ),
    },
    {
      accessor: 'representative',
      title: t('events.participants.column.representative'),
      // Wide enough for two or three names a line: a unit may record every signer of a sheet.
      width: '25%',
      render: (participant) => (
        // Keyed by the saved value, so that one recorded elsewhere (a sign-in sheet) shows at once.
        <RepresentativeInput
          key={`${participant.id}:${participant.representative}`}
          participant={participant}
          onSave={(representative) => void change(participant.id, { representative })} />
      ),
    },
    {
      accessor: 'actions',
      title: '',
      width: 48,
      render: (participant) => (
        <Tooltip label={t('events.participants.remove')}>
          <ActionIcon variant="subtle" color="gray" aria-label={`${t('events.participants.remove')}: ${participant.name}`} onClick={() => confirmRemove(participant)}>
            <IconX size={16} />
          </ActionIcon>
        </Tooltip>
      ),
    },
  ];

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Stack gap={2}>
            <Title order={3}>{t('events.participants.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('events.participants.summary', {
                organizations: event.organizationCount,
                partners: event.partnerCount,
                attended: event.attendedCount,
              })}
              {trashed > 0 && ` ${t('events.participants.trashedNotCounted', { count: trashed })}`}
            </Text>
          </Stack>
          <Button leftSection={<IconPlus size={16} />} onClick={addDialog.open}>
            {t('events.participants.add')}
          </Button>
        </Group>

        {early > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('events.participants.earlyStatuses', { count: early, date: formatDate(event.startsOn) })}</Text>
              <Button
                size="xs"
                variant="light"
                color="orange"
                loading={resetEarly.isPending}
                onClick={() =>
                  void resetEarly
                    .mutateAsync({ eventId: event.id })
                    .then(({ reset }) => notifications.show({ color: 'teal', message: t('events.participants.earlyReset', { count: reset }) }))
                    .catch(failed)
                }
              >
                {t('events.participants.resetEarly')}
              </Button>
            </Stack>
          </Alert>
        )}

        {event.participants.length > 0 && (
          // The buttons keep one line whatever the hint says: it goes beneath them, however long.
          <Stack gap={4} aria-label={t('events.attendance.title')} role="group">
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {t('events.attendance.title')}:
              </Text>
              <Button
                size="xs"
                color="teal"
                leftSection={<IconUserCheck size={14} />}
                disabled={selectedNow.length === 0 || event.notYetHeld}
                loading={mark.isPending}
                onClick={() => void markSelected('attended')}
              >
                {t('events.attendance.present')}
              </Button>
              <Button
                size="xs"
                color="red"
                variant="light"
                leftSection={<IconUserX size={14} />}
                disabled={selectedNow.length === 0 || event.notYetHeld}
                loading={mark.isPending}
                onClick={() => void markSelected('absent')}
              >
                {t('events.attendance.absent')}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconClipboardText size={14} />} disabled={event.notYetHeld} onClick={pasteDialog.open}>
                {t('events.attendance.paste')}
              </Button>
            </Group>
            <Text size="sm" c={event.notYetHeld ? 'orange.8' : 'dimmed'}>
              {event.notYetHeld
                ? t('events.attendance.notYetHeld', { date: formatDate(event.startsOn) })
                : selectedNow.length
                  ? t('events.attendance.selected', { count: selectedNow.length })
                  : t('events.attendance.hint')}
            </Text>
          </Stack>
        )}

        {event.participants.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('events.participants.empty')}
          </Text>
        ) : (
          <DataTable<EventParticipant>
            withTableBorder
            striped
            records={event.participants}
            columns={columns}
            selectedRecords={selectedNow}
            onSelectedRecordsChange={setSelected}
            allRecordsSelectionCheckboxProps={{ 'aria-label': t('events.participants.selectAll') }}
            getRecordSelectionCheckboxProps={(record) => ({ 'aria-label': t('events.participants.selectOne', { name: record.name }) })}
          />
        )}
      </Stack>

      <FormModal opened={adding} onClose={addDialog.close} title={t('events.participants.addTitle')} size="lg">
        <AddParticipantsForm event={event} onDone={addDialog.close} />
      </FormModal>
      <FormModal opened={pasting} onClose={pasteDialog.close} title={t('events.signIn.title')} size="xl">
        <SignInDialog event={event} onDone={pasteDialog.close} />
      </FormModal>
    </Paper>
  );
}

/**
 * Saved when the person leaves the box, not at every key. A sign-in sheet records every signer of
 * a unit here, so the box wraps and grows with the names, up to a few lines (then it scrolls), so
 * that the whole list is read without the row taking the screen. The names are one list: Enter
 * leaves the box, as it would a one-line one, rather than starting a line.
 */
function RepresentativeInput({ participant, onSave }: { participant: EventParticipant; onSave: (value: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(participant.representative);
  return (
    <Textarea
      size="xs"
      autosize
      minRows={1}
      maxRows={REPRESENTATIVE_ROWS}
      aria-label={t('events.participants.representativeLabel', { name: participant.name })}
      value={value}
      onChange={(event) => setValue(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        event.currentTarget.blur();
      }}
      onBlur={() => {
        if (value.trim() !== participant.representative) onSave(value);
      }}
    />
  );
}

function AddParticipantsForm({ event, onDone }: { event: EventDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const lookups = useEventLookups();
  const statusOptions = useStatusOptions();
  const [picked, setPicked] = useState<Counterpart[]>([]);
  const [role, setRole] = useState<ParticipantRole>(DEFAULT_PARTICIPANT_ROLE);
  const [status, setStatus] = useState<ParticipantStatus>('invited');
  const [error, setError] = useState<string | null>(null);
  const add = useAddParticipants();
  const present = event.participants.map((participant) => ({ kind: participant.kind, id: participant.counterpartId }));
  // Units picked and not yet added are typed work: closing the dialog asks first, as a form's does.
  const unsaved = picked.length > 0 && !add.isPending;
  useUnsavedChanges(unsaved);

  const submit = async () => {
    setError(null);
    try {
      const result = await add.mutateAsync({
        eventId: event.id,
        participants: picked.map(({ kind, id }) => ({ kind, id, role, status })),
      });
      notifications.show({
        color: 'teal',
        message: result.skipped ? t('events.participants.addedSkipped', { ...result }) : t('events.participants.added', { ...result }),
      });
      onDone();
    } catch (failure) {
      setError(messageOf(failure, t('common.unexpectedError')));
    }
  };

  return (
    <Stack>
      <CounterpartPicker
        label={t('events.participants.pick')}
        description={t('events.participants.pickHint')}
        multiple
        value={picked}
        onChange={setPicked}
        exclude={present}
        error={error}
      />
      <SimpleGrid cols={2}>
        <LabelledSelect
          label={t('events.participants.role')}
          allowDeselect={false}
          data={lookupOptions(lookups.data?.roles)}
          value={role}
          onChange={(value) => setRole(value ?? DEFAULT_PARTICIPANT_ROLE)}
        />
        <LabelledSelect
          label={t('events.participants.status')}
          allowDeselect={false}
          data={statusOptions(event, false)}
          value={status}
          onChange={(value) => setStatus(participantStatuses.find((item) => item === value) ?? 'invited')}
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => (unsaved ? confirmDiscard(onDone) : onDone())}>
          {t('common.cancel')}
        </Button>
        <Button disabled={picked.length === 0} loading={add.isPending} onClick={() => void submit()}>
          {t('events.participants.addSubmit')}
        </Button>
      </Group>
    </Stack>
  );
}
