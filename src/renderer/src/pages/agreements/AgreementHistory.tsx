/**
 * Lịch sử thay đổi of an agreement, newest first: its fields, parties and commitments as
 * "label: before → after", and deliveries, follow-up notes and attachments as they came and went.
 */
import { Accordion } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldChange } from '../../../../shared/contract';
import { ChangeHistory } from '../../components/ChangeHistory';
import { useAgreementHistory } from '../../queries/agreements';

export function AgreementHistory({ id }: { id: number }) {
  const { t } = useTranslation();
  const history = useAgreementHistory(id);
  const value = (shown: FieldChange['before']) => (shown === null || shown === '' ? t('agreements.history.emptyValue') : String(shown));

  return (
    <Accordion variant="contained">
      <Accordion.Item value="history">
        <Accordion.Control>{t('agreements.history.title')}</Accordion.Control>
        <Accordion.Panel>
          <ChangeHistory
            history={history}
            empty={t('agreements.history.empty')}
            actionLabel={(action) => t(`agreements.history.action.${action}`)}
            lines={(entry) => entry.changes.map((change) => `${change.label}: ${value(change.before)} → ${value(change.after)}`)}
          />
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
