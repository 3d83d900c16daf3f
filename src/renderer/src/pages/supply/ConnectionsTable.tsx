/**
 * The connections of an offer, a demand, an organization or a partner: who sells to whom, how much,
 * through which channel, what has been delivered on the agreement it became; with the actions a
 * connection has — correct it, make it an agreement (parties and a commitment pre-filled), move it
 * to the trash.
 */
import { useState } from 'react';
import { ActionIcon, Anchor, Button, Center, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconContract, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AgreementInput, ConnectionSummary } from '../../../../shared/contract';
import { formatDate, formatMoney, formatQuantity } from '../../../../shared/format';
import { ApiError, messageOf } from '../../api';
import { LoadError } from '../../components/LoadError';
import { AgreementForm } from '../agreements/AgreementForm';
import { useAgreementDraft, useSupplyWrite } from '../../queries/supply';
import { agreementHref, demandHref, offerHref, organizationHref, partnerHref } from '../../routing/useHashRoute';
import { ConnectDialog } from './ConnectDialog';
import { FormModal } from '../../forms/unsavedChanges';

function partyHref(party: ConnectionSummary['seller']): string {
  return party.kind === 'partner' ? partnerHref(party.id) : organizationHref(party.id);
}

/** The agreement a connection becomes, in the agreement form, pre-filled; saved and linked at once. */
function AgreementFromConnection({ connection, onClose }: { connection: ConnectionSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const draft = useAgreementDraft(connection.id);
  const create = useSupplyWrite('connections:createAgreement');
  const save = async (agreement: AgreementInput) => {
    try {
      return (await create.mutateAsync({ connectionId: connection.id, agreement })).agreement;
    } catch (error) {
      // The agreement's issues are named under `agreement.`; the form names its fields without it.
      if (error instanceof ApiError && error.error.kind === 'validation') {
        throw new ApiError({ ...error.error, issues: error.error.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^agreement\./, '') })) });
      }
      throw error;
    }
  };
  return (
    <FormModal opened onClose={onClose} title={t('supply.agreement.title')} size={960}>
      {draft.isPending ? (
        <Center mih={160}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : draft.isError ? (
        <LoadError error={draft.error} onRetry={() => void draft.refetch()} />
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('supply.agreement.hint')}
          </Text>
          <AgreementForm
            proposed={draft.data}
            save={save}
            onSaved={(agreement) => {
              onClose();
              notifications.show({
                color: 'teal',
                autoClose: 10_000,
                message: (
                  <Group gap="xs">
                    <Text size="sm">{t('supply.agreement.created', { title: agreement.title })}</Text>
                    <Anchor size="sm" href={agreementHref(agreement.id)}>
                      {t('agreements.form.open')}
                    </Anchor>
                  </Group>
                ),
              });
            }}
            onCancel={onClose}
          />
        </Stack>
      )}
    </FormModal>
  );
}

interface ConnectionsTableProps {
  connections: ConnectionSummary[];
  /** Which side's page it is on: that side is not repeated in every row. */
  from?: 'offer' | 'demand';
  empty: string;
}

export function ConnectionsTable({ connections, from, empty }: ConnectionsTableProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<ConnectionSummary | null>(null);
  const [agreeing, setAgreeing] = useState<ConnectionSummary | null>(null);
  const remove = useSupplyWrite('connections:delete');
  const confirmRemove = (connection: ConnectionSummary) =>
    modals.openConfirmModal({
      title: t('supply.connections.removeTitle'),
      children: (
        <Text size="sm">
          {t('supply.connections.removeConfirm', { quantity: formatQuantity(connection.quantity, connection.unitName), product: connection.product, buyer: connection.buyer.name })}
        </Text>
      ),
      labels: { confirm: t('common.moveToTrash'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        remove.mutateAsync({ id: connection.id }).then(
          () => notifications.show({ color: 'teal', message: t('supply.connections.removed') }),
          (error: unknown) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) }),
        );
      },
    });

  if (connections.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={880}>
        <Table striped verticalSpacing="xs" aria-label={t('supply.connections.title')} styles={{ th: { whiteSpace: 'nowrap' } }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('supply.connections.connectedOn')}</Table.Th>
              {from !== 'offer' && <Table.Th>{t('supply.connections.seller')}</Table.Th>}
              {from !== 'demand' && <Table.Th>{t('supply.connections.buyer')}</Table.Th>}
              <Table.Th ta="right">{t('supply.connections.quantity')}</Table.Th>
              <Table.Th ta="right">{t('supply.connections.delivered')}</Table.Th>
              <Table.Th ta="right">{t('supply.connections.value')}</Table.Th>
              <Table.Th>{t('supply.connections.channel')}</Table.Th>
              <Table.Th>{t('supply.connections.agreement')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {connections.map((connection) => (
              <Table.Tr key={connection.id}>
                <Table.Td>{formatDate(connection.connectedOn)}</Table.Td>
                {from !== 'offer' && (
                  <Table.Td>
                    <Anchor size="sm" href={offerHref(connection.offerId)}>
                      {connection.product}
                    </Anchor>
                    <Text size="xs">
                      <Anchor size="xs" c="dimmed" href={partyHref(connection.seller)}>
                        {connection.seller.name}
                      </Anchor>
                    </Text>
                  </Table.Td>
                )}
                {from !== 'demand' && (
                  <Table.Td>
                    <Anchor size="sm" href={demandHref(connection.demandId)}>
                      {connection.buyer.name}
                    </Anchor>
                  </Table.Td>
                )}
                <Table.Td ta="right">{formatQuantity(connection.quantity, connection.unitName)}</Table.Td>
                <Table.Td ta="right">{connection.delivered === null ? '—' : formatQuantity(connection.delivered, connection.unitName)}</Table.Td>
                <Table.Td ta="right">{connection.value === null ? '' : formatMoney(connection.value)}</Table.Td>
                <Table.Td>{connection.channelName}</Table.Td>
                <Table.Td>
                  {connection.agreementId !== null ? (
                    <Anchor size="sm" href={agreementHref(connection.agreementId)}>
                      {connection.agreementTitle}
                    </Anchor>
                  ) : (
                    <Button size="compact-sm" variant="light" leftSection={<IconContract size={14} />} onClick={() => setAgreeing(connection)}>
                      {t('supply.agreement.make')}
                    </Button>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <ActionIcon variant="subtle" aria-label={t('supply.connections.edit', { product: connection.product, buyer: connection.buyer.name })} onClick={() => setEditing(connection)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('supply.connections.remove', { product: connection.product, buyer: connection.buyer.name })}
                      onClick={() => confirmRemove(connection)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <ConnectDialog connection={editing} onClose={() => setEditing(null)} />}
      {agreeing && <AgreementFromConnection connection={agreeing} onClose={() => setAgreeing(null)} />}
    </>
  );
}
