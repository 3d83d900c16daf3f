/**
 * Quá trình hoạt động of one organization: its events as a timeline, oldest first, each with its
 * decision and the other organizations it concerned (linked to their pages), and a form to record
 * a new one.
 */
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, EmptyState, Group, Stack, Text, Timeline, Title, Tooltip, type MantineColor } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowsSplit, IconHistory, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrganizationDetail, OrganizationLifecycleEvent } from '../../../../shared/contract';
import type { LifecycleEventKind, LifecycleRole } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/format';
import { messageOf } from '../../api';
import { LoadError } from '../../components/LoadError';
import { useDeleteLifecycle, useLifecycle } from '../../queries/register';
import { LifecycleForm } from './lifecycle/LifecycleForm';
import { FormModal } from '../../forms/unsavedChanges';

const kindColors: Record<LifecycleEventKind, MantineColor> = {
  founding: 'teal',
  renaming: 'blue',
  suspension: 'yellow',
  resumption: 'teal',
  split: 'violet',
  separation: 'violet',
  consolidation: 'violet',
  merger: 'violet',
  conversion: 'violet',
  dissolution: 'gray',
  bankruptcy: 'red',
};

/** The events that join or part organizations name each role by what it means in them («tổ chức bị sáp nhập»). */
function useRoleLabel(kind: LifecycleEventKind): (role: LifecycleRole) => string {
  const { t } = useTranslation();
  return (role) => {
    if (kind === 'merger' && role !== 'successor') return t(`figures.lifecycle.roleIn.merger.${role}`);
    if (kind === 'split' && role !== 'subject') return t(`figures.lifecycle.roleIn.split.${role}`);
    if (kind === 'separation' && role !== 'predecessor') return t(`figures.lifecycle.roleIn.separation.${role}`);
    if (kind === 'consolidation' && role !== 'subject') return t(`figures.lifecycle.roleIn.consolidation.${role}`);
    if (kind === 'conversion' && role !== 'subject') return t(`figures.lifecycle.roleIn.conversion.${role}`);
    return t(`figures.lifecycle.role.${role}`);
  };
}

function EventBody({ event, organizationId }: { event: OrganizationLifecycleEvent; organizationId: number }) {
  const { t } = useTranslation();
  const others = event.participants.filter((participant) => participant.organizationId !== organizationId);
  const roleLabel = useRoleLabel(event.kind);
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {formatDate(event.date)}
        {event.decisionNo && ` · ${t('figures.lifecycle.decision', { number: event.decisionNo })}`}
      </Text>
      {event.kind === 'renaming' && event.newName && (
        <Text size="sm">
          {event.oldName ? t('figures.lifecycle.renamed', { oldName: event.oldName, newName: event.newName }) : t('figures.lifecycle.renamedTo', { newName: event.newName })}
        </Text>
      )}
      {event.participants.length > 1 && (
        <Text size="sm">
          {t('figures.lifecycle.ownRole')} <b>{roleLabel(event.role)}</b>
        </Text>
      )}
      {others.map((participant) => (
        <Group key={`${participant.role}-${participant.organizationId}`} gap={6}>
          <Badge size="sm" variant="light" tt="none" color={participant.role === 'successor' ? 'teal' : participant.role === 'predecessor' ? 'gray' : 'blue'}>
            {roleLabel(participant.role)}
          </Badge>
          <Anchor href={`#/thanh-vien/${participant.organizationId}`} size="sm">
            {participant.name}
          </Anchor>
        </Group>
      ))}
      {event.note && (
        <Text size="sm" fs="italic">
          {event.note}
        </Text>
      )}
    </Stack>
  );
}

export function LifecycleTab({ organization }: { organization: OrganizationDetail }) {
  const { t } = useTranslation();
  const list = useLifecycle(organization.id);
  const remove = useDeleteLifecycle();
  const [recording, setRecording] = useState(false);

  const confirmDelete = (event: OrganizationLifecycleEvent) => {
    // Those the event founded (`deleteEvent` takes back the founding day it gave them); only its
    // successors stay as organizations of their own, made with it or picked: in the register, or
    // in the Thùng rác where one was moved, which deleting the event does not change.
    const founded = event.participants.filter((participant) => participant.role === 'successor' || (event.kind === 'founding' && participant.role === 'subject'));
    const successors = founded.filter((participant) => participant.role === 'successor' && !participant.inTrash);
    const trashedSuccessors = founded.filter((participant) => participant.role === 'successor' && participant.inTrash);
    const names = (list: typeof founded) => list.map((participant) => participant.name).join(', ');
    modals.openConfirmModal({
      title: t('figures.lifecycle.delete.title'),
      children: (
        <Stack gap="xs">
          <Text size="sm">{t('figures.lifecycle.delete.body', { kind: t(`figures.lifecycle.kind.${event.kind}`), date: formatDate(event.date) })}</Text>
          {founded.length > 0 && <Text size="sm">{t('figures.lifecycle.delete.founded', { names: names(founded) })}</Text>}
          {successors.length > 0 && <Text size="sm">{t('figures.lifecycle.delete.successorsStay', { names: names(successors) })}</Text>}
          {trashedSuccessors.length > 0 && <Text size="sm">{t('figures.lifecycle.delete.successorsInTrash', { names: names(trashedSuccessors) })}</Text>}
        </Stack>
      ),
      labels: { confirm: t('figures.delete.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(
          { eventId: event.id },
          {
            onSuccess: () => notifications.show({ color: 'teal', message: t('figures.lifecycle.delete.done') }),
            onError: (error) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) }),
          },
        ),
    });
  };

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const events = list.data ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('figures.lifecycle.title')}</Title>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setRecording(true)}>
          {t('figures.lifecycle.record')}
        </Button>
      </Group>

      {list.data && events.length === 0 && (
        <EmptyState icon={<IconHistory />} title={t('figures.lifecycle.emptyTitle')} description={t('figures.lifecycle.emptyDescription')} />
      )}

      {events.length > 0 && (
        <Timeline active={events.length - 1} bulletSize={22} lineWidth={2}>
          {events.map((event) => (
            <Timeline.Item
              key={event.id}
              color={kindColors[event.kind]}
              bullet={['split', 'separation', 'consolidation', 'merger', 'conversion'].includes(event.kind) ? <IconArrowsSplit size={12} /> : undefined}
              title={
                <Group gap="xs">
                  <Text fw={600}>{t(`figures.lifecycle.kind.${event.kind}`)}</Text>
                  <Tooltip label={t('figures.lifecycle.delete.title')}>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="red"
                      aria-label={t('figures.lifecycle.delete.named', { kind: t(`figures.lifecycle.kind.${event.kind}`), date: formatDate(event.date) })}
                      onClick={() => confirmDelete(event)}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              }
            >
              <EventBody event={event} organizationId={organization.id} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}

      <FormModal opened={recording} onClose={() => setRecording(false)} size="xl" title={t('figures.lifecycle.record')}>
        {recording && <LifecycleForm organization={organization} onDone={() => setRecording(false)} />}
      </FormModal>
    </Stack>
  );
}
