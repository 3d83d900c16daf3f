/**
 * Kết nối cung – cầu on a member organization's or a partner's page: what it offers (members),
 * what it asks for, and the connections it is in, each leading to its record; with the buttons to
 * add an offer or a demand for it.
 */
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatQuantity } from '../../../../shared/format';
import { LoadError } from '../../components/LoadError';
import { useConnectionList, useDemandList, useOfferList } from '../../queries/supply';
import { demandHref, offerHref } from '../../routing/useHashRoute';
import { ConnectionsTable } from './ConnectionsTable';
import { demandSide, offerSide } from './sides';
import { AddSupplyModal } from './SupplyLists';
import { SupplyStatusBadge, useWindowText } from './SupplyBits';

/** How many of each a page shows; the lists of Kết nối cung – cầu have the rest. */
const shown = 50;

function Block({ title, action, children }: { title: string; action?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{title}</Title>
          {action}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

export function CounterpartSupply({ kind, id, name }: { kind: 'organization' | 'partner'; id: number; name: string }) {
  const { t } = useTranslation();
  const windowText = useWindowText();
  const offers = useOfferList({ organizationId: id, page: 1, pageSize: shown });
  const demands = useDemandList({ buyer: { kind, id }, page: 1, pageSize: shown });
  const connections = useConnectionList({ counterpart: { kind, id }, page: 1, pageSize: shown });
  const [addingOffer, offerForm] = useDisclosure(false);
  const [addingDemand, demandForm] = useDisclosure(false);

  return (
    <Stack gap="md">
      {kind === 'organization' && (
        <Block
          title={t('supply.counterpart.offers')}
          action={
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={offerForm.open}>
              {t('supply.offers.add')}
            </Button>
          }
        >
          {offers.isError ? (
            <LoadError error={offers.error} onRetry={() => void offers.refetch()} />
          ) : offers.data?.rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('supply.counterpart.noOffers')}
            </Text>
          ) : (
            <Table striped aria-label={t('supply.counterpart.offers')}>
              <Table.Tbody>
                {(offers.data?.rows ?? []).map((offer) => (
                  <Table.Tr key={offer.id}>
                    <Table.Td>
                      <Anchor size="sm" href={offerHref(offer.id)}>
                        {offer.product}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatQuantity(offer.quantity, offer.unitName)}</Table.Td>
                    <Table.Td>{windowText(offer.availableFrom, offer.availableUntil)}</Table.Td>
                    <Table.Td>
                      <SupplyStatusBadge status={offer.status} side="offer" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Block>
      )}
      <Block
        title={t('supply.counterpart.demands')}
        action={
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={demandForm.open}>
            {t('supply.demands.add')}
          </Button>
        }
      >
        {demands.isError ? (
          <LoadError error={demands.error} onRetry={() => void demands.refetch()} />
        ) : demands.data?.rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('supply.counterpart.noDemands')}
          </Text>
        ) : (
          <Table striped aria-label={t('supply.counterpart.demands')}>
            <Table.Tbody>
              {(demands.data?.rows ?? []).map((demand) => (
                <Table.Tr key={demand.id}>
                  <Table.Td>
                    <Anchor size="sm" href={demandHref(demand.id)}>
                      {demand.product}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatQuantity(demand.quantity, demand.unitName)}</Table.Td>
                  <Table.Td>{windowText(demand.neededFrom, demand.neededUntil)}</Table.Td>
                  <Table.Td>
                    <SupplyStatusBadge status={demand.status} side="demand" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Block>
      <Block title={t('supply.counterpart.connections')}>
        {connections.isError ? (
          <LoadError error={connections.error} onRetry={() => void connections.refetch()} />
        ) : (
          <ConnectionsTable connections={connections.data?.rows ?? []} empty={t('supply.counterpart.noConnections')} />
        )}
      </Block>

      <AddSupplyModal spec={offerSide} opened={addingOffer} onClose={offerForm.close} preset={{ party: { kind: 'organization', id, name } }} />
      <AddSupplyModal spec={demandSide} opened={addingDemand} onClose={demandForm.close} preset={{ party: { kind, id, name } }} />
    </Stack>
  );
}
