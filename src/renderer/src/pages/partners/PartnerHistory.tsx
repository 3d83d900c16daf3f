/**
 * Lịch sử thay đổi of a partner: what changed and when, newest first, each change read as
 * "label: before → after" with kinds and business lines in words.
 */
import { Paper } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FieldChange, HistoryValue } from '../../../../shared/contract';
import { partnerBusinessLines, partnerKinds } from '../../../../shared/domain';
import { ChangeHistory } from '../../components/ChangeHistory';
import { usePartnerHistory } from '../../queries/partners';

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
  return (
    <Paper withBorder p="md">
      <ChangeHistory
        history={history}
        empty={t('register.history.empty')}
        actionLabel={(action) => t(`register.history.action.${action}`)}
        lines={(entry) => entry.changes.map((change) => describePartnerChange(t, change))}
      />
    </Paper>
  );
}
