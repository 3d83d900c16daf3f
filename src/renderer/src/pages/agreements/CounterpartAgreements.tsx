/**
 * The agreements a member organization or a partner is a party to, for its page: in each, how far
 * the commitments it supplies are delivered and how far those owed to it; and over all of them.
 */
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Fulfilment } from '../../../../shared/agreements';
import { formatPercent } from '../../../../shared/format';
import { useCounterpartAgreements } from '../../queries/agreements';
import { basisText, FulfilmentOf } from './AgreementBits';
import { AgreementsPanel } from './AgreementsPanel';

function Overall({ label, value, count }: { label: string; value: Fulfilment | null; count: number }) {
  const { t } = useTranslation();
  if (value === null) return null;
  return (
    <Text size="sm">
      {t('agreements.part.overall', {
        label,
        percent: formatPercent(value.percent),
        basis: basisText(t, value),
        count,
      })}
    </Text>
  );
}

export function CounterpartAgreements({ kind, id }: { kind: 'organization' | 'partner'; id: number }) {
  const { t } = useTranslation();
  const agreements = useCounterpartAgreements({ kind, id });
  const data = agreements.data;
  const none = t('agreements.part.none');
  return (
    <AgreementsPanel
      title={t('agreements.panel.counterpartTitle')}
      empty={t('agreements.panel.counterpartEmpty')}
      query={agreements}
      rows={data?.agreements ?? []}
      summary={
        data && (data.supplied || data.received) ? (
          <Group gap="xl">
            <Overall label={t('agreements.part.supplied')} value={data.supplied} count={data.suppliedCount} />
            <Overall label={t('agreements.part.received')} value={data.received} count={data.receivedCount} />
          </Group>
        ) : undefined
      }
      columns={[
        { title: t('agreements.part.supplied'), render: (row) => <FulfilmentOf value={row.supplied} empty={none} /> },
        { title: t('agreements.part.received'), render: (row) => <FulfilmentOf value={row.received} empty={none} /> },
      ]}
    />
  );
}
