/**
 * Lịch sử thay đổi of a partner: what changed and when, newest first, each change read as
 * "label: before → after" with kinds and business lines in words.
 */
import { Alert, Center, List, Loader, Paper, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldChange, HistoryValue } from '../../../../shared/contract';
import { partnerBusinessLines, partnerKinds } from '../../../../shared/domain';
import { LoadError } from '../../components/LoadError';
import { usePartnerHistory } from '../../queries/partners';
import { formatDateTime } from '../organization/HistoryTab';

const actionIcons = {
  create: IconPlus,
  update: IconPencil,
  delete: IconTrash,
  restore: IconArrowBackUp,
} as const;

function formatValue(t: TFunction, field: string, value: HistoryValue): string {
  if (value === null || value === '') return t('register.history.empty_value');
  const kind = partnerKinds.find((item) => item === value);
  if (field === 'kind' && kind) return t(`partners.kind.${kind}`);
  const line = partnerBusinessLines.find((item) => item === value);
  if (field === 'businessLine' && line) return t(`partners.businessLine.${line}`);
  return String(value);
}

function describePartnerChange(t: TFunction, change: FieldChange): string {
  return `${change.label}: ${formatValue(t, change.field, change.before)} → ${formatValue(t, change.field, change.after)}`;
}

export function PartnerHistory({ partnerId }: { partnerId: number }) {
  const { t } = useTranslation();
  const history = usePartnerHistory(partnerId);

  if (history.isPending) {
    return (
      <Center mih={120}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <Alert color="gray">{t('register.history.empty')}</Alert>;

  return (
    <Paper withBorder p="md">
      <Timeline bulletSize={26} lineWidth={2}>
        {history.data.map((entry, index) => {
          const Icon = actionIcons[entry.action];
          return (
            <Timeline.Item key={`${entry.at}-${index}`} bullet={<Icon size={14} />} title={t(`register.history.action.${entry.action}`)}>
              <Text size="xs" c="dimmed" mb={4}>
                {formatDateTime(entry.at)}
              </Text>
              {entry.changes.length > 0 && (
                <List size="sm" spacing={2}>
                  {entry.changes.map((change) => (
                    <List.Item key={change.field}>{describePartnerChange(t, change)}</List.Item>
                  ))}
                </List>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}
