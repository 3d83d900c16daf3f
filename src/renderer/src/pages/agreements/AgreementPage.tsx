/**
 * One agreement, `#/thoa-thuan/<id>`: its status and fulfilment as of today, the parties, each
 * commitment with what has been delivered against it, totals per unit, the deliveries, follow-up
 * notes, attached scans and the change history.
 */
import { useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowBackUp, IconArrowLeft, IconBan, IconCircleCheck, IconPencil, IconTrash, IconTruckDelivery } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { deliveryValues, overDelivery } from '../../../../shared/agreements';
import type { AgreementDelivery, AgreementDetail, AgreementParty } from '../../../../shared/contract';
import { formatDate, formatDeliveredQuantity, formatMoney, formatPercent, formatQuantity } from '../../../../shared/format';
import { call, messageOf } from '../../api';
import { LoadError } from '../../components/LoadError';
import { useConfirmedDeletion } from '../../components/useConfirmedDeletion';
import {
  useAddAttachment,
  useAgreement,
  useDeleteAgreement,
  useRemoveAttachment,
  useRemoveDelivery,
  useReopenAgreement,
  useRestoreAgreement,
} from '../../queries/agreements';
import { agreementHref, eventHref, hrefOf, organizationHref, partnerHref, trashedOrganizationHref } from '../../routing/useHashRoute';
import { AgreementForm } from './AgreementForm';
import { RecordHistory } from '../../components/RecordHistory';
import { AgreementStatusBadge, FulfilmentBar, FulfilmentOf } from './AgreementBits';
import { AttachmentsSection } from '../../components/AttachmentsSection';
import { DeliveryDialog } from './DeliveryDialog';
import { NotesSection } from './NotesSection';
import { EndingDialog, endings } from './EndingDialog';
import { AgreementConnections } from '../supply/AgreementConnections';
import { FormModal } from '../../forms/unsavedChanges';

export function AgreementPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const agreement = useAgreement(id);
  if (agreement.isPending) {
    return (
      <Center mih={200}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (agreement.isError) return <LoadError error={agreement.error} onRetry={() => void agreement.refetch()} />;
  return <AgreementView agreement={agreement.data} />;
}

/** Where the delivery dialog is, if open: a new delivery (maybe on one commitment) or a correction. */
type DeliveryEditing = { commitmentId?: number; delivery?: AgreementDelivery } | null;

function AgreementView({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const [editing, editForm] = useDisclosure(false);
  const [terminating, terminateForm] = useDisclosure(false);
  const [closing, closeForm] = useDisclosure(false);
  const [deliveryEditing, setDeliveryEditing] = useState<DeliveryEditing>(null);
  const remove = useDeleteAgreement();
  const restore = useRestoreAgreement();
  const addAttachment = useAddAttachment();
  const removeAttachment = useRemoveAttachment();
  const canDeliver = agreement.signedOn !== null && agreement.commitments.length > 0;

  const confirmDelete = useConfirmedDeletion({
    messages: {
      title: t('agreements.profile.deleteTitle'),
      question: t('agreements.profile.deleteConfirm', { title: agreement.title }),
      deleted: t('agreements.profile.deleted', { title: agreement.title }),
      restored: t('agreements.profile.restored', { title: agreement.title }),
    },
    remove: () => remove.mutateAsync({ id: agreement.id }),
    restore: () => restore.mutateAsync({ id: agreement.id }),
    list: 'thoa-thuan',
    hrefOf: agreementHref,
  });

  const validity =
    agreement.validFrom || agreement.validUntil
      ? t('agreements.profile.validityRange', {
          from: formatDate(agreement.validFrom) || '…',
          until: formatDate(agreement.validUntil) || t('agreements.profile.openEnded'),
        })
      : '';

  return (
    <Stack>
      <Anchor href={hrefOf('thoa-thuan')} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('agreements.profile.back')}
        </Group>
      </Anchor>

      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light" tt="none" color="gray">
              {t(`agreements.kind.${agreement.kind}`)}
            </Badge>
            <AgreementStatusBadge status={agreement.status} size="lg" />
          </Group>
          <Title order={2}>{agreement.title}</Title>
          <Group gap="md">
            {agreement.number && <Text c="dimmed">{agreement.number}</Text>}
            <FulfilmentBar
              fulfilment={agreement.fulfilment}
              basis={agreement.fulfilmentBasis}
              unvalued={agreement.fulfilmentUnvalued}
              unvaluedShort={agreement.fulfilmentUnvaluedShort}
              width={160}
            />
            {agreement.totalValue !== null && <Text c="dimmed">{formatMoney(agreement.totalValue)}</Text>}
          </Group>
        </Stack>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editForm.open}>
            {t('agreements.profile.edit')}
          </Button>
          {agreement.signedOn !== null && agreement.terminatedOn === null && (
            <Button variant="default" leftSection={<IconBan size={16} />} onClick={terminateForm.open}>
              {t('agreements.terminate.button')}
            </Button>
          )}
          <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={confirmDelete}>
            {t('agreements.profile.delete')}
          </Button>
        </Group>
      </Group>

      <FollowUpState agreement={agreement} onClose={closeForm.open} />

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <Fact label={t('agreements.profile.signedOn')} value={agreement.signedOn ? formatDate(agreement.signedOn) : t('agreements.notSigned')} />
          <Fact
            label={t('agreements.profile.event')}
            value={
              agreement.eventId !== null && agreement.eventTitle !== null ? (
                <Anchor size="sm" href={eventHref(agreement.eventId)}>
                  {agreement.eventTitle}
                </Anchor>
              ) : (
                ''
              )
            }
          />
          <Fact label={t('agreements.profile.validity')} value={validity} />
          <Fact label={t('agreements.profile.parties')} value={<PartyList parties={agreement.parties} />} />
          <Fact label={t('agreements.profile.note')} value={agreement.note} />
          <AgreementConnections agreementId={agreement.id} />
          {agreement.terminatedOn !== null && (
            <Fact
              label={t('agreements.profile.terminatedOn', { date: formatDate(agreement.terminatedOn) })}
              value={t('agreements.profile.terminationReason', { reason: agreement.terminationReason })}
            />
          )}
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3}>{t('agreements.commitments.title')}</Title>
            <Button leftSection={<IconTruckDelivery size={16} />} disabled={!canDeliver} onClick={() => setDeliveryEditing({})}>
              {t('agreements.deliveries.record')}
            </Button>
          </Group>
          {agreement.signedOn === null && (
            <Text size="sm" c="dimmed">
              {t('agreements.deliveries.draftHint')}
            </Text>
          )}
          {/* Deliveries up to the termination are still recorded (`deliveredAfterTermination`): said before the dialog opens. */}
          {agreement.signedOn !== null && agreement.terminatedOn !== null && (
            <Text size="sm" c="dimmed">
              {t('agreements.deliveries.terminatedHint', { date: formatDate(agreement.terminatedOn) })}
            </Text>
          )}
          {agreement.commitments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('agreements.commitments.empty')}
            </Text>
          ) : (
            <CommitmentsTable agreement={agreement} onDeliver={canDeliver ? (commitmentId) => setDeliveryEditing({ commitmentId }) : undefined} />
          )}
          {agreement.unitTotals.length > 0 && (
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {t('agreements.commitments.unitTotals')}:
              </Text>
              {agreement.unitTotals.map((total) => (
                <Badge key={total.unit} variant="outline" tt="none" size="lg" fw={500}>
                  {t('agreements.commitments.unitTotal', {
                    unit: total.unit,
                    delivered: formatQuantity(total.delivered, ''),
                    committed: formatQuantity(total.committed, ''),
                  })}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      </Paper>

      <PartiesFulfilment agreement={agreement} />

      <DeliveriesSection agreement={agreement} onEdit={(delivery) => setDeliveryEditing({ delivery })} />

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <NotesSection agreement={agreement} />
        <AttachmentsSection
          title={t('agreements.attachments.title')}
          hint={t('agreements.attachments.hint')}
          attachments={agreement.attachments}
          calls={{
            add: (fileId) => addAttachment.mutateAsync({ agreementId: agreement.id, fileId }),
            remove: (id) => removeAttachment.mutateAsync({ id }),
            read: (attachmentId, offset) => call('agreements:readAttachment', { attachmentId, offset }),
            open: (attachmentId) => call('agreements:openAttachment', { attachmentId }),
          }}
        />
      </SimpleGrid>

      <RecordHistory kind="agreement" id={agreement.id} folded />

      <FormModal opened={editing} onClose={editForm.close} title={t('agreements.form.editTitle')} size={960}>
        {/* Mounted only while open: opened again while still closing, it starts from what is saved. */}
        {editing && (
          <AgreementForm
            initial={agreement}
            onSaved={() => {
              editForm.close();
              notifications.show({ color: 'teal', message: t('agreements.form.saved') });
            }}
            onCancel={editForm.close}
          />
        )}
      </FormModal>

      <EndingDialog ending={endings.terminate} agreement={agreement} opened={terminating} onClose={terminateForm.close} />
      <EndingDialog ending={endings.close} agreement={agreement} opened={closing} onClose={closeForm.close} />

      {deliveryEditing && (
        <DeliveryDialog
          agreement={agreement}
          delivery={deliveryEditing.delivery}
          commitmentId={deliveryEditing.commitmentId}
          onClose={() => setDeliveryEditing(null)}
        />
      )}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {value === '' ? (
        <Text size="sm" c="dimmed">
          {t('agreements.profile.notGiven')}
        </Text>
      ) : typeof value === 'string' ? (
        <Text size="sm">{value}</Text>
      ) : (
        value
      )}
    </div>
  );
}

function PartyList({ parties }: { parties: AgreementParty[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {parties.map((party, index) => {
        const href =
          party.counterpartId === null ? null : party.kind === 'organization' ? organizationHref(party.counterpartId) : partnerHref(party.counterpartId);
        // A party in the trash is restored, not swapped: said here, with the way to Thùng rác.
        const trashHref =
          !party.inTrash || party.counterpartId === null
            ? null
            : party.kind === 'organization'
              ? trashedOrganizationHref(party.counterpartId)
              : hrefOf('thung-rac');
        return (
          <Text key={index} size="sm">
            {href && !trashHref ? <Anchor href={href}>{party.name}</Anchor> : party.name}{' '}
            <Text span size="sm" c="dimmed">
              ({t(`agreements.role.${party.role}`)})
            </Text>
            {/* An organization that has ended stays a party of what it signed: said, as the pickers say it. */}
            {party.ended && (
              <>
                {' '}
                <Badge color="gray" variant="light" tt="none" size="sm">
                  {t('events.picker.endedOn', { status: t(`organization.status.${party.ended.status}`), date: formatDate(party.ended.endedOn) })}
                </Badge>
              </>
            )}
            {trashHref && (
              <>
                {' '}
                <Badge color="red" variant="light" tt="none" size="sm">
                  {t('agreements.profile.partyInTrash')}
                </Badge>{' '}
                <Anchor href={trashHref} size="sm">
                  {t('agreements.profile.restoreParty')}
                </Anchor>
              </>
            )}
          </Text>
        );
      })}
    </Stack>
  );
}

/** A party's name, as the agreement lists it; nothing when the commitment names no one. */
function partyName(agreement: AgreementDetail, partyId: number | null): string {
  return agreement.parties.find((party) => party.id === partyId)?.name ?? '';
}

function CommitmentsTable({ agreement, onDeliver }: { agreement: AgreementDetail; onDeliver?: (commitmentId: number) => void }) {
  const { t } = useTranslation();
  const namesSides = agreement.commitments.some((commitment) => commitment.supplierPartyId !== null || commitment.receiverPartyId !== null);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" aria-label={t('agreements.commitments.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('agreements.commitments.product')}</Table.Th>
            {namesSides && <Table.Th>{t('agreements.commitments.sides')}</Table.Th>}
            <Table.Th>{t('agreements.commitments.progress')}</Table.Th>
            <Table.Th ta="right">{t('agreements.commitments.value')}</Table.Th>
            <Table.Th>{t('agreements.commitments.period')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agreement.commitments.map((commitment) => {
            const over = overDelivery(commitment);
            const supplier = partyName(agreement, commitment.supplierPartyId);
            const receiver = partyName(agreement, commitment.receiverPartyId);
            return (
            <Table.Tr key={commitment.id}>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm">{commitment.product}</Text>
                  {commitment.overdue && (
                    <Badge color="red" variant="light" tt="none" size="sm">
                      {t('agreements.commitments.overdue')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              {namesSides && (
                <Table.Td>
                  <Text size="sm">{supplier || t('agreements.commitments.sideNotGiven')}</Text>
                  <Text size="xs" c="dimmed">
                    {t('agreements.commitments.to', { name: receiver || t('agreements.commitments.sideNotGiven') })}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm">
                    {t('agreements.commitments.progressValue', {
                      delivered: formatQuantity(commitment.delivered, ''),
                      committed: formatQuantity(commitment.quantity, commitment.unit),
                      percent: formatPercent(commitment.fulfilment),
                    })}
                  </Text>
                  <Progress w={180} value={commitment.fulfilment} color={commitment.fulfilment >= 100 ? 'teal' : commitment.overdue ? 'red' : 'blue'} />
                  {over > 0 && (
                    <Text size="xs" c="orange.8">
                      {t('agreements.commitments.over', { over: formatQuantity(over, commitment.unit) })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td ta="right">{commitment.value === null ? '' : formatMoney(commitment.value)}</Table.Td>
              <Table.Td>
                {[formatDate(commitment.startsOn), formatDate(commitment.dueOn)].filter(Boolean).join(' – ')}
                {commitment.dueOn === null && commitment.dueDay !== null && (
                  <Text size="xs" c="dimmed">
                    {t('agreements.commitments.dueWithAgreement', { date: formatDate(commitment.dueDay) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {onDeliver && (
                  <ActionIcon
                    variant="subtle"
                    aria-label={`${t('agreements.deliveries.record')}: ${commitment.product}`}
                    onClick={() => onDeliver(commitment.id)}
                  >
                    <IconTruckDelivery size={18} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Where the follow-up stands once the agreement has run out: still owed (and in Cần chú ý until a
 * person closes it), or closed, with when and why.
 */
function FollowUpState({ agreement, onClose }: { agreement: AgreementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const reopen = useReopenAgreement();
  if (agreement.needsClosing) {
    const unfinished = agreement.commitments.filter((commitment) => commitment.delivered < commitment.quantity).length;
    return (
      <Alert color="orange" icon={<IconAlertTriangle />} title={t('agreements.close.needsTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {t('agreements.close.needs', { date: formatDate(agreement.validUntil), count: unfinished })}
          </Text>
          <Button size="xs" variant="light" color="orange" leftSection={<IconCircleCheck size={16} />} onClick={onClose}>
            {t('agreements.close.button')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (agreement.closedOn === null) return null;
  return (
    <Alert color="gray" icon={<IconCircleCheck />} title={t('agreements.close.closedTitle', { date: formatDate(agreement.closedOn) })}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('agreements.close.reasonShown', { reason: agreement.closingReason })}</Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconArrowBackUp size={16} />}
          loading={reopen.isPending}
          onClick={() => {
            reopen
              .mutateAsync({ id: agreement.id })
              .then(() => notifications.show({ color: 'teal', message: t('agreements.close.reopened') }))
              .catch((error: unknown) => notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) }));
          }}
        >
          {t('agreements.close.reopen')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** Thực hiện theo từng bên: what each party supplies and receives, and how far each is done. */
function PartiesFulfilment({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  if (agreement.partyFulfilment.length === 0) return null;
  const none = t('agreements.part.none');
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('agreements.part.title')}</Title>
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs" aria-label={t('agreements.part.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agreements.part.party')}</Table.Th>
                <Table.Th>{t('agreements.part.supplied')}</Table.Th>
                <Table.Th>{t('agreements.part.received')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agreement.partyFulfilment.map((part) => (
                <Table.Tr key={part.partyId}>
                  <Table.Td>{partyName(agreement, part.partyId)}</Table.Td>
                  <Table.Td>
                    <FulfilmentOf value={part.supplied} empty={none} />
                    {part.suppliedCount > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('agreements.part.count', { count: part.suppliedCount })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <FulfilmentOf value={part.received} empty={none} />
                    {part.receivedCount > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('agreements.part.count', { count: part.receivedCount })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

/**
 * A delivery's Giá trị as Tỷ lệ thực hiện and the value delivered count it (`deliveryValues`): on a
 * commitment with a value, its share of that value — nothing past the quantity, said so — and
 * beneath it the value the delivery wrote when that differs; otherwise what it wrote, or «—»
 * saying none was.
 */
function DeliveryValue({ delivery, counted, valued }: { delivery: AgreementDelivery; counted: number | null; valued: boolean }) {
  const { t } = useTranslation();
  if (counted === null) {
    return (
      <>
        <Text size="sm">—</Text>
        <Text size="xs" c="dimmed">
          {t('agreements.deliveries.noValue')}
        </Text>
      </>
    );
  }
  return (
    <>
      <Text size="sm">{formatMoney(counted)}</Text>
      {valued && counted === 0 && (
        <Text size="xs" c="dimmed">
          {t('agreements.deliveries.valuePastQuantity')}
        </Text>
      )}
      {delivery.value !== null && delivery.value !== counted && (
        <Text size="xs" c="dimmed">
          {t('agreements.deliveries.valueWritten', { value: formatMoney(delivery.value) })}
        </Text>
      )}
    </>
  );
}

function DeliveriesSection({ agreement, onEdit }: { agreement: AgreementDetail; onEdit: (delivery: AgreementDelivery) => void }) {
  const { t } = useTranslation();
  const remove = useRemoveDelivery();
  const counted = new Map(
    agreement.commitments.flatMap((commitment) => [...deliveryValues(commitment, agreement.deliveries.filter((delivery) => delivery.commitmentId === commitment.id))]),
  );
  const valued = new Set(agreement.commitments.flatMap((commitment) => (commitment.value === null ? [] : [commitment.id])));
  const confirmRemove = (delivery: AgreementDelivery) =>
    modals.openConfirmModal({
      title: t('agreements.deliveries.removeTitle'),
      children: (
        <Text size="sm">
          {t('agreements.deliveries.removeConfirm', {
            quantity: formatDeliveredQuantity(delivery.quantity, delivery.unit, delivery.written),
            product: delivery.product,
            date: formatDate(delivery.deliveredOn),
          })}
        </Text>
      ),
      labels: { confirm: t('agreements.profile.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        remove.mutateAsync({ id: delivery.id }).catch((error: unknown) => {
          notifications.show({ color: 'red', message: messageOf(error, t('common.unexpectedError')) });
        });
      },
    });

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3}>{t('agreements.deliveries.title')}</Title>
        {agreement.deliveries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('agreements.deliveries.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs" aria-label={t('agreements.deliveries.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('agreements.deliveries.deliveredOn')}</Table.Th>
                  <Table.Th>{t('agreements.commitments.product')}</Table.Th>
                  <Table.Th ta="right">{t('agreements.deliveries.quantity')}</Table.Th>
                  <Table.Th ta="right">{t('agreements.deliveries.value')}</Table.Th>
                  <Table.Th>{t('agreements.deliveries.note')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agreement.deliveries.map((delivery) => {
                  const date = formatDate(delivery.deliveredOn);
                  return (
                    <Table.Tr key={delivery.id}>
                      <Table.Td>{date}</Table.Td>
                      <Table.Td>{delivery.product}</Table.Td>
                      <Table.Td ta="right">{formatDeliveredQuantity(delivery.quantity, delivery.unit, delivery.written)}</Table.Td>
                      <Table.Td ta="right">
                        <DeliveryValue delivery={delivery} counted={counted.get(delivery.id) ?? null} valued={valued.has(delivery.commitmentId)} />
                      </Table.Td>
                      <Table.Td>{delivery.note}</Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          <ActionIcon variant="subtle" aria-label={t('agreements.deliveries.edit', { date })} onClick={() => onEdit(delivery)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="red" aria-label={t('agreements.deliveries.remove', { date })} onClick={() => confirmRemove(delivery)}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {agreement.deliveries.length > 0 && valued.size > 0 && (
          <Text size="xs" c="dimmed">
            {t('agreements.deliveries.valueHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
