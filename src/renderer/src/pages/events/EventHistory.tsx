/**
 * Lịch sử thay đổi of an event, newest first: its own fields as "label: before → after", and its
 * participants as added, removed or changed (role, attendance, representative).
 */
import { Accordion, List, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldChange, ParticipantChange, ParticipantState } from '../../../../shared/contract';
import { eventKinds } from '../../../../shared/domain';
import { formatMoney } from '../../../../shared/format';
import { LoadError } from '../../components/LoadError';
import { useEventHistory } from '../../queries/events';
import { formatDateTime } from '../organization/HistoryTab';

const actionIcons = { create: IconPlus, update: IconPencil, delete: IconTrash, restore: IconArrowBackUp } as const;

export function EventHistory({ id }: { id: number }) {
  const { t } = useTranslation();
  const history = useEventHistory(id);

  const value = ({ field }: FieldChange, shown: FieldChange['before']): string => {
    if (shown === null || shown === '') return t('events.history.emptyValue');
    if (field === 'budget' && typeof shown === 'number') return formatMoney(shown);
    const kind = eventKinds.find((item) => item === shown);
    if (field === 'kind' && kind) return t(`events.kind.${kind}`);
    return String(shown);
  };

  const state = ({ role, status, representative }: ParticipantState) =>
    [t(`events.role.${role}`), t(`events.status.${status}`), representative].filter(Boolean).join(', ');

  const participantLine = ({ name, before, after }: ParticipantChange): string => {
    if (!before && after) return t('events.history.added', { name, role: t(`events.role.${after.role}`), status: t(`events.status.${after.status}`) });
    if (before && !after) return t('events.history.removed', { name });
    if (before && after) return t('events.history.changed', { name, before: state(before), after: state(after) });
    return name;
  };

  return (
    <Accordion variant="contained">
      <Accordion.Item value="history">
        <Accordion.Control>{t('events.history.title')}</Accordion.Control>
        <Accordion.Panel>
          {history.isError ? (
            <LoadError error={history.error} onRetry={() => void history.refetch()} />
          ) : history.data?.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('events.history.empty')}
            </Text>
          ) : (
            <Timeline bulletSize={24} lineWidth={2}>
              {(history.data ?? []).map((entry, index) => {
                const Icon = actionIcons[entry.action];
                return (
                  <Timeline.Item key={index} bullet={<Icon size={14} />} title={t(`events.history.action.${entry.action}`)}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(entry.at)}
                    </Text>
                    <List size="sm" mt={4}>
                      {entry.changes.map((change) => (
                        <List.Item key={change.field}>
                          {change.label}: {value(change, change.before)} → {value(change, change.after)}
                        </List.Item>
                      ))}
                      {entry.participants.map((change, position) => (
                        <List.Item key={`participant-${position}`}>{participantLine(change)}</List.Item>
                      ))}
                    </List>
                  </Timeline.Item>
                );
              })}
            </Timeline>
          )}
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
