/**
 * On an agreement's page: the connections of supply and demand it was made from, each leading to
 * its offer and demand, so that one sees where the deliveries recorded here are counted.
 */
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatQuantity } from '../../../../shared/format';
import { useConnectionsOfAgreement } from '../../queries/supply';
import { demandHref, offerHref } from '../../routing/useHashRoute';

export function AgreementConnections({ agreementId }: { agreementId: number }) {
  const { t } = useTranslation();
  const connections = useConnectionsOfAgreement(agreementId);
  if (!connections.data || connections.data.length === 0) return null;
  return (
    <div>
      <Text size="xs" c="dimmed">
        {t('supply.agreement.from')}
      </Text>
      <Stack gap={2}>
        {connections.data.map((connection) => (
          <Text key={connection.id} size="sm">
            <Anchor href={offerHref(connection.offerId)}>{`${connection.product} — ${connection.seller.name}`}</Anchor>
            {' → '}
            <Anchor href={demandHref(connection.demandId)}>{connection.buyer.name}</Anchor>
            {` (${formatQuantity(connection.quantity, connection.unitName)}${connection.programmeName ? `, ${connection.programmeName}` : ''})`}
          </Text>
        ))}
      </Stack>
    </div>
  );
}
