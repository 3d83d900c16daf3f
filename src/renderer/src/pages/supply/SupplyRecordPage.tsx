/**
 * One offer, `#/ket-noi-cung-cau/nguon-cung/<id>`, or one demand, `#/ket-noi-cung-cau/nhu-cau/<id>`:
 * what is offered or asked for and what remains, its facts (sides.tsx says which), the connections
 * made with what was delivered on each, the records of the other side it may be connected to (best
 * first, with why), and its history.
 */
import { Alert, Anchor, Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CommonDetail, DemandSummary, OfferSummary } from '../../../../shared/contract';
import { formatQuantity } from '../../../../shared/format';
import { isConnectable } from '../../../../shared/supply';
import { RecordHistory } from '../../components/RecordHistory';
import { RecordPageFrame } from '../../components/RecordPageFrame';
import { useConfirmedDeletion } from '../../components/useConfirmedDeletion';
import { useSupplyWrite } from '../../queries/supply';
import { supplyHref } from '../../routing/useHashRoute';
import { ConnectionsTable } from './ConnectionsTable';
import { partyHref, type SideSpec } from './sides';
import { Fact, Facts, RecordHeader, SupplyStatusBadge, useWindowText } from './SupplyBits';
import { WithdrawButton } from './WithdrawButton';
import { FormModal } from '../../forms/unsavedChanges';

export function SupplyRecordPage<S extends OfferSummary | DemandSummary, D extends S & CommonDetail>({ spec, id }: { spec: SideSpec<S, D>; id: number }) {
  const { t } = useTranslation();
  const record = spec.useDetail(id);
  return (
    <RecordPageFrame query={record} back={{ href: supplyHref(spec.tab), label: t(`supply.${spec.area}.back`) }}>
      {(loaded) => <SupplyView spec={spec} record={loaded} />}
    </RecordPageFrame>
  );
}

function SupplyView<S extends OfferSummary | DemandSummary, D extends S & CommonDetail>({ spec, record }: { spec: SideSpec<S, D>; record: D }) {
  const { t } = useTranslation();
  const windowText = useWindowText();
  const [editing, edit] = useDisclosure(false);
  const remove = useSupplyWrite(`${spec.area}:delete`);
  const restore = useSupplyWrite(`${spec.area}:restore`);
  const party = spec.party(record);
  const confirmDelete = useConfirmedDeletion({
    messages: {
      title: t(`supply.${spec.area}.deleteTitle`),
      question: t(`supply.${spec.area}.deleteConfirm`, { product: record.product, party: party.name }),
      deleted: t(`supply.${spec.area}.deleted`, { product: record.product }),
      restored: t(`supply.${spec.area}.restored`, { product: record.product }),
    },
    remove: () => remove.mutateAsync({ id: record.id }),
    restore: () => restore.mutateAsync({ id: record.id }),
    list: { href: supplyHref(spec.tab) },
    hrefOf: spec.href,
  });
  const Form = spec.Form;
  const Suggestions = spec.Suggestions;
  const outOfSight = spec.outOfSight(record, t);

  return (
    <>
      <RecordHeader
        badges={
          <>
            <Badge variant="light" tt="none" color="gray">
              {t(`supply.${spec.area}.kind`)}
            </Badge>
            <SupplyStatusBadge status={record.status} side={spec.side} size="lg" />
            <Badge variant="outline" tt="none">
              {record.productGroupName}
            </Badge>
          </>
        }
        title={record.product}
        subtitle={
          <>
            <Anchor href={partyHref(party)}>{party.name}</Anchor>
            {' · '}
            {record.remaining > 0
              ? t(`supply.${spec.area}.summary`, {
                  quantity: formatQuantity(record.quantity, record.unitName),
                  remaining: formatQuantity(record.remaining, record.unitName),
                })
              : t(`supply.${spec.area}.summaryFull`, { quantity: formatQuantity(record.quantity, record.unitName) })}
          </>
        }
        onEdit={edit.open}
        onDelete={confirmDelete}
        // Offered as the backend takes it, on every live record: one whose party ended is still withdrawn
        // on the day it really was (before the end, or kept should the end be undone), one whose party
        // is in the trash keeps its withdrawal for when the party is restored.
        actions={<WithdrawButton side={spec.side} id={record.id} withdrawnOn={record.withdrawnOn} />}
      />

      {outOfSight !== null && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
          {outOfSight}
        </Alert>
      )}

      <Paper withBorder p="md">
        <Facts>
          {spec.facts(record, { t, windowText }).map((fact) => fact && <Fact key={fact.label} label={fact.label} value={fact.value} />)}
        </Facts>
      </Paper>

      <Paper withBorder p="md" component="section" aria-label={t('supply.connections.title')}>
        <Stack gap="sm">
          <Title order={3}>{t('supply.connections.title')}</Title>
          <ConnectionsTable connections={record.connections} from={spec.side} empty={t(`supply.connections.${spec.noConnections}`)} />
        </Stack>
      </Paper>

      {outOfSight !== null ? null : isConnectable(record.status) ? (
        <Suggestions record={record} />
      ) : (
        <Text size="sm" c="dimmed">
          {t(`supply.suggestions.closed.${spec.side}.${record.status}`)}
        </Text>
      )}

      <RecordHistory kind={spec.side} id={record.id} folded />

      <FormModal opened={editing} onClose={edit.close} title={t(`supply.${spec.form}.editTitle`)} size={880}>
        <Form
          initial={record}
          onSaved={() => {
            edit.close();
            notifications.show({ color: 'teal', message: t('supply.saved') });
          }}
          onCancel={edit.close}
        />
      </FormModal>
    </>
  );
}
