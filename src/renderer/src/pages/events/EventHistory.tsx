/**
 * Lịch sử thay đổi of an event, newest first: its own fields as "label: before → after", and its
 * participants as added, removed or changed (role, attendance, representative).
 */
import { Accordion } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldChange, ParticipantChange, ParticipantState } from '../../../../shared/contract';
import { eventKinds } from '../../../../shared/domain';
import { formatMoney } from '../../../../shared/format';
import { ChangeHistory } from '../../components/ChangeHistory';
import { useEventHistory } from '../../queries/events';

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
          <ChangeHistory
            history={history}
            empty={t('events.history.empty')}
            actionLabel={(action) => t(`events.history.action.${action}`)}
            lines={(entry) => [
              ...entry.changes.map((change) => `${change.label}: ${value(change, change.before)} → ${value(change, change.after)}`),
              ...entry.participants.map(participantLine),
            ]}
          />
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
