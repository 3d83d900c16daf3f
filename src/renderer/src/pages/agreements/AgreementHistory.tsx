/**
 * Lịch sử thay đổi of an agreement, newest first: its fields, parties and commitments as
 * "label: before → after", and deliveries, follow-up notes and attachments as they came and went.
 */
import { Accordion, List, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldChange } from '../../../../shared/contract';
import { LoadError } from '../../components/LoadError';
import { useAgreementHistory } from '../../queries/agreements';
import { formatDateTime } from '../organization/HistoryTab';

const actionIcons = { create: IconPlus, update: IconPencil, delete: IconTrash, restore: IconArrowBackUp } as const;

export function AgreementHistory({ id }: { id: number }) {
  const { t } = useTranslation();
  const history = useAgreementHistory(id);
  const value = (shown: FieldChange['before']) => (shown === null || shown === '' ? t('agreements.history.emptyValue') : String(shown));

  return (
    <Accordion variant="contained">
      <Accordion.Item value="history">
        <Accordion.Control>{t('agreements.history.title')}</Accordion.Control>
        <Accordion.Panel>
          {history.isError ? (
            <LoadError error={history.error} onRetry={() => void history.refetch()} />
          ) : history.data?.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('agreements.history.empty')}
            </Text>
          ) : (
            <Timeline bulletSize={24} lineWidth={2}>
              {(history.data ?? []).map((entry, index) => {
                const Icon = actionIcons[entry.action];
                return (
                  <Timeline.Item key={index} bullet={<Icon size={14} />} title={t(`agreements.history.action.${entry.action}`)}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(entry.at)}
                    </Text>
                    <List size="sm" mt={4}>
                      {entry.changes.map((change) => (
                        <List.Item key={change.field}>
                          {change.label}: {value(change.before)} → {value(change.after)}
                        </List.Item>
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
