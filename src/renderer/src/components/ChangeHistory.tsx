/**
 * Lịch sử thay đổi of any record (organization, partner, event, agreement): its audit entries,
 * newest first, each with what was done, when, and the lines the caller writes for its changes.
 */
import { Center, List, Loader, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { LoadError } from './LoadError';

const actionIcons = { create: IconPlus, update: IconPencil, delete: IconTrash, restore: IconArrowBackUp } as const;

type Action = keyof typeof actionIcons;

interface ChangeHistoryProps<Entry extends { action: Action; at: string }> {
  history: UseQueryResult<Entry[]>;
  /** What an entry's action is called for this kind of record ("Thêm mới", "Sửa thông tin"…). */
  actionLabel: (action: Action) => string;
  /** What the entry changed, a line each. */
  lines: (entry: Entry) => string[];
  /** Said when the record has no history yet. */
  empty: string;
}

export function ChangeHistory<Entry extends { action: Action; at: string }>({ history, actionLabel, lines, empty }: ChangeHistoryProps<Entry>) {
  const { t } = useTranslation();
  if (history.isPending) {
    return (
      <Center mih={120}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={26} lineWidth={2}>
      {history.data.map((entry, index) => {
        const Icon = actionIcons[entry.action];
        const shown = lines(entry);
        return (
          <Timeline.Item key={`${entry.at}-${String(index)}`} bullet={<Icon size={14} />} title={actionLabel(entry.action)}>
            <Text size="xs" c="dimmed" mb={4}>
              {formatDateTime(entry.at)}
            </Text>
            {shown.length > 0 && (
              <List size="sm" spacing={2}>
                {shown.map((line, position) => (
                  <List.Item key={position}>{line}</List.Item>
                ))}
              </List>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
