/**
 * One demand, `#/ket-noi-cung-cau/nhu-cau/<id>`: what is asked for and what is still missing, when
 * and where, the certificates required, the connections made with what was delivered on each,
 * the offers that may serve it (best first, with why), and its history.
 */
import { Anchor, Badge, Button, Center, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DemandDetail } from '../../../../shared/contract';
import { formatDate, formatQuantity } from '../../../../shared/format';
import { isConnectable } from '../../../../shared/supply';
import { LoadError } from '../../components/LoadError';
import { useConfirmedDeletion } from '../../components/useConfirmedDeletion';
import { RecordHistory } from '../../components/RecordHistory';
import { useDemand, useSupplyWrite } from '../../queries/supply';
import { demandHref, organizationHref, partnerHref, programmeHref, supplyHref } from '../../routing/useHashRoute';
import { ConnectionsTable } from './ConnectionsTable';
import { DemandForm } from './DemandForm';
import { WithdrawButton } from './WithdrawButton';
import { OfferSuggestions } from './Suggestions';
import { Fact, Facts, priceRange, QuantityLeft, SupplyStatusBadge, useWindowText } from './SupplyBits';

export function DemandPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const demand = useDemand(id);
  const back = (
    <Anchor href={supplyHref('nhu-cau')} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('supply.demands.back')}
      </Group>
    </Anchor>
  );
  if (demand.isPending) {
    return (
      <Center mih={200}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (demand.isError) {
    return (
      <Stack>
        {back}
        <LoadError error={demand.error} onRetry={() => void demand.refetch()} />
      </Stack>
    );
  }
  return (
    <Stack>
      {back}
      <DemandView demand={demand.data} />
    </Stack>
  );
}

function DemandView({ demand }: { demand: DemandDetail }) {
  const { t } = useTranslation();
  const windowText = useWindowText();
  const [editing, edit] = useDisclosure(false);
  const remove = useSupplyWrite('demands:delete');
  const restore = useSupplyWrite('demands:restore');
  const confirmDelete = useConfirmedDeletion({
    messages: {
      title: t('supply.demands.deleteTitle'),
      question: t('supply.demands.deleteConfirm', { product: demand.product, buyer: demand.buyer.name }),
      deleted: t('supply.demands.deleted', { product: demand.product }),
      restored: t('supply.demands.restored', { product: demand.product }),
    },
    remove: () => remove.mutateAsync({ id: demand.id }),
    restore: () => restore.mutateAsync({ id: demand.id }),
    list: { href: supplyHref('nhu-cau') },
    hrefOf: demandHref,
  });
  const buyerHref = demand.buyer.kind === 'partner' ? partnerHref(demand.buyer.id) : organizationHref(demand.buyer.id);

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light" tt="none" color="gray">
              {t('supply.demands.kind')}
            </Badge>
            <SupplyStatusBadge status={demand.status} side="demand" size="lg" />
            <Badge variant="outline" tt="none">
              {demand.productGroupName}
            </Badge>
          </Group>
          <Title order={2}>{demand.product}</Title>
          <Text c="dimmed">
            <Anchor href={buyerHref}>{demand.buyer.name}</Anchor>
            {' · '}
            {t('supply.demands.summary', {
              quantity: formatQuantity(demand.quantity, demand.unitName),
              remaining: formatQuantity(demand.remaining, demand.unitName),
            })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open}>
            {t('supply.edit')}
          </Button>
          <WithdrawButton side="demand" id={demand.id} withdrawnOn={demand.withdrawnOn} />
          <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete}>
            {t('supply.delete')}
          </Button>
        </Group>
      </Group>

      <Paper withBorder p="md">
        <Facts>
          <Fact label={t('supply.quantity')} value={<QuantityLeft quantity={demand.quantity} remaining={demand.remaining} unitName={demand.unitName} />} />
          <Fact label={t('supply.neededWindow')} value={windowText(demand.neededFrom, demand.neededUntil)} />
          <Fact label={t('supply.price')} value={priceRange(demand.priceMin, demand.priceMax, demand.unitName)} />
          <Fact label={t('supply.deliveryPlace')} value={[demand.deliveryPlace, demand.deliveryProvinceName].filter(Boolean).join(', ')} />
          <Fact
            label={t('supply.demands.requirements')}
            value={
              demand.requirements.length === 0 ? (
                t('supply.demands.noRequirements')
              ) : (
                <Group gap={6}>
                  {demand.requirements.map((requirement) => (
                    <Badge key={requirement.kindCode} variant="light" color="grape" tt="none">
                      {requirement.minStars === null ? requirement.kindName : `${requirement.kindName} ${t('supply.starsAtLeast', { count: requirement.minStars })}`}
                    </Badge>
                  ))}
                </Group>
              )
            }
          />
          <Fact label={t('supply.qualityNote')} value={demand.qualityNote} />
          <Fact label={t('supply.contact')} value={[demand.contactName, demand.contactPhone].filter(Boolean).join(', ')} />
          <Fact
            label={t('supply.programme')}
            value={demand.programmeId !== null && demand.programmeName !== null ? <Anchor size="sm" href={programmeHref(demand.programmeId)}>{demand.programmeName}</Anchor> : ''}
          />
          {demand.withdrawnOn !== null && <Fact label={t('supply.withdrawnOn')} value={formatDate(demand.withdrawnOn)} />}
          <Fact label={t('supply.note')} value={demand.note} />
        </Facts>
      </Paper>

      <Paper withBorder p="md" component="section" aria-label={t('supply.connections.title')}>
        <Stack gap="sm">
          <Title order={3}>{t('supply.connections.title')}</Title>
          <ConnectionsTable connections={demand.connections} from="demand" empty={t('supply.connections.noneForDemand')} />
        </Stack>
      </Paper>

      {isConnectable(demand.status) ? (
        <OfferSuggestions demand={demand} />
      ) : (
        <Text size="sm" c="dimmed">
          {t(`supply.suggestions.closed.demand.${demand.status}`)}
        </Text>
      )}

      <RecordHistory kind="demand" id={demand.id} folded />

      <Modal opened={editing} onClose={edit.close} title={t('supply.demandForm.editTitle')} size={880}>
        <DemandForm
          initial={demand}
          onSaved={() => {
            edit.close();
            notifications.show({ color: 'teal', message: t('supply.saved') });
          }}
          onCancel={edit.close}
        />
      </Modal>
    </>
  );
}
