/**
 * One offer, `#/ket-noi-cung-cau/nguon-cung/<id>`: what is offered and what remains, the window,
 * price and place, the certificates of the organization valid today, the connections made with
 * what was delivered on each, the demands it may serve (best first, with why), and its history.
 */
import { Anchor, Badge, Button, Center, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OfferDetail } from '../../../../shared/contract';
import { formatDate, formatQuantity } from '../../../../shared/format';
import { isConnectable } from '../../../../shared/supply';
import { LoadError } from '../../components/LoadError';
import { useConfirmedDeletion } from '../../components/useConfirmedDeletion';
import { RecordHistory } from '../../components/RecordHistory';
import { useOffer, useSupplyWrite } from '../../queries/supply';
import { offerHref, organizationHref, programmeHref, supplyHref } from '../../routing/useHashRoute';
import { ConnectionsTable } from './ConnectionsTable';
import { OfferForm } from './OfferForm';
import { WithdrawButton } from './WithdrawButton';
import { DemandSuggestions } from './Suggestions';
import { Fact, Facts, priceRange, QuantityLeft, SupplyStatusBadge, useWindowText } from './SupplyBits';

export function OfferPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const offer = useOffer(id);
  const back = (
    <Anchor href={supplyHref('nguon-cung')} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('supply.offers.back')}
      </Group>
    </Anchor>
  );
  if (offer.isPending) {
    return (
      <Center mih={200}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (offer.isError) {
    return (
      <Stack>
        {back}
        <LoadError error={offer.error} onRetry={() => void offer.refetch()} />
      </Stack>
    );
  }
  return (
    <Stack>
      {back}
      <OfferView offer={offer.data} />
    </Stack>
  );
}

function OfferView({ offer }: { offer: OfferDetail }) {
  const { t } = useTranslation();
  const windowText = useWindowText();
  const [editing, edit] = useDisclosure(false);
  const remove = useSupplyWrite('offers:delete');
  const restore = useSupplyWrite('offers:restore');
  const confirmDelete = useConfirmedDeletion({
    messages: {
      title: t('supply.offers.deleteTitle'),
      question: t('supply.offers.deleteConfirm', { product: offer.product, organization: offer.organization.name }),
      deleted: t('supply.offers.deleted', { product: offer.product }),
      restored: t('supply.offers.restored', { product: offer.product }),
    },
    remove: () => remove.mutateAsync({ id: offer.id }),
    restore: () => restore.mutateAsync({ id: offer.id }),
    list: { href: supplyHref('nguon-cung') },
    hrefOf: offerHref,
  });

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light" tt="none" color="gray">
              {t('supply.offers.kind')}
            </Badge>
            <SupplyStatusBadge status={offer.status} side="offer" size="lg" />
            <Badge variant="outline" tt="none">
              {offer.productGroupName}
            </Badge>
          </Group>
          <Title order={2}>{offer.product}</Title>
          <Text c="dimmed">
            <Anchor href={organizationHref(offer.organization.id)}>{offer.organization.name}</Anchor>
            {' · '}
            {t('supply.offers.summary', {
              quantity: formatQuantity(offer.quantity, offer.unitName),
              remaining: formatQuantity(offer.remaining, offer.unitName),
            })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={edit.open}>
            {t('supply.edit')}
          </Button>
          <WithdrawButton side="offer" id={offer.id} withdrawnOn={offer.withdrawnOn} />
          <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete}>
            {t('supply.delete')}
          </Button>
        </Group>
      </Group>

      <Paper withBorder p="md">
        <Facts>
          <Fact label={t('supply.quantity')} value={<QuantityLeft quantity={offer.quantity} remaining={offer.remaining} unitName={offer.unitName} />} />
          <Fact label={t('supply.window')} value={windowText(offer.availableFrom, offer.availableUntil)} />
          <Fact label={t('supply.price')} value={priceRange(offer.priceMin, offer.priceMax, offer.unitName)} />
          <Fact label={t('supply.offerForm.commune')} value={offer.placeName} />
          <Fact label={t('supply.packaging')} value={offer.packaging} />
          <Fact label={t('supply.deliveryTerms')} value={offer.deliveryTerms} />
          <Fact label={t('supply.contact')} value={[offer.contactName, offer.contactPhone].filter(Boolean).join(', ')} />
          <Fact
            label={t('supply.programme')}
            value={offer.programmeId !== null && offer.programmeName !== null ? <Anchor size="sm" href={programmeHref(offer.programmeId)}>{offer.programmeName}</Anchor> : ''}
          />
          {offer.withdrawnOn !== null && <Fact label={t('supply.withdrawnOn')} value={formatDate(offer.withdrawnOn)} />}
          <Fact
            label={t('supply.offers.certificates')}
            value={
              offer.certificates.length === 0 ? (
                ''
              ) : (
                <Group gap={6}>
                  {offer.certificates.map((certificate) => (
                    <Badge key={certificate.id} variant="light" color="teal" tt="none">
                      {[certificate.kindName, certificate.stars === null ? '' : t('supply.stars', { count: certificate.stars }), certificate.expiresOn ? t('supply.reason.quality.until', { date: formatDate(certificate.expiresOn) }) : '']
                        .filter(Boolean)
                        .join(' ')}
                    </Badge>
                  ))}
                </Group>
              )
            }
          />
          <Fact label={t('supply.note')} value={offer.note} />
        </Facts>
      </Paper>

      <Paper withBorder p="md" component="section" aria-label={t('supply.connections.title')}>
        <Stack gap="sm">
          <Title order={3}>{t('supply.connections.title')}</Title>
          <ConnectionsTable connections={offer.connections} from="offer" empty={t('supply.connections.noneForOffer')} />
        </Stack>
      </Paper>

      {isConnectable(offer.status) ? (
        <DemandSuggestions offer={offer} />
      ) : (
        <Text size="sm" c="dimmed">
          {t(`supply.suggestions.closed.offer.${offer.status}`)}
        </Text>
      )}

      <RecordHistory kind="offer" id={offer.id} folded />

      <Modal opened={editing} onClose={edit.close} title={t('supply.offerForm.editTitle')} size={880}>
        <OfferForm
          initial={offer}
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
