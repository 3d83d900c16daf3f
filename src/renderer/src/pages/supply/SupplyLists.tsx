/**
 * The lists of Kết nối cung – cầu: offers, demands and connections, searched without diacritics,
 * filtered (status in the toolbar; product group, programme and year behind «Bộ lọc») and paged by
 * the backend, exported as shown. The choices last for the session, so Back returns to the list.
 */
import { Alert, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconInfoCircle, IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { connectionListColumns, type CommonDetail, type ConnectionListColumn, type ConnectionSummary, type DemandSummary, type OfferSummary } from '../../../../shared/contract';
import { supplyStatuses, type SupplyStatus } from '../../../../shared/domain';
import { formatDate, formatMoney, formatQuantity } from '../../../../shared/format';
import { LabelledSelect } from '../../components/LabelledSelect';
import { inFilterPopover, ListTable, listPageSize, notifyAdded, RecordLink, useListState, type ActiveFilter } from '../../components/ListTable';
import { ProgrammeSelect } from '../../components/ProgrammeSelect';
import { useConnectionList, useProgrammes, useSupplyLookups } from '../../queries/supply';
import { agreementHref, demandHref, offerHref, supplyHref } from '../../routing/useHashRoute';
import type { SideSpec, SupplyPreset } from './sides';
import { useWindowText } from './SupplyBits';
import { FormModal } from '../../forms/unsavedChanges';

interface ListChoices {
  search: string;
  status: SupplyStatus | null;
  productGroupCode: string | null;
  programmeId: number | null;
  year: number | null;
}

const initialChoices: ListChoices = { search: '', status: null, productGroupCode: null, programmeId: null, year: null };

/** The years a list may be filtered by: this year and nine before, and the next. */
function yearOptions(): string[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 11 }, (_, index) => String(now + 1 - index));
}

type SharedChoices = Pick<ListChoices, 'productGroupCode' | 'programmeId' | 'year'>;

/** The filters behind «Bộ lọc» the three lists share (the year is of availability, or of connection), with their chips. */
function useSharedFilters(choices: SharedChoices, update: (patch: Partial<SharedChoices>) => void, title: string, yearLabel: string) {
  const { t } = useTranslation();
  const lookups = useSupplyLookups();
  const programmes = useProgrammes();
  const groupName = (code: string) => lookups.data?.productGroups.find((group) => group.code === code)?.name ?? code;
  const programmeName = (id: number) => programmes.data?.find((programme) => programme.id === id)?.name ?? String(id);
  const active: ActiveFilter[] = [
    ...(choices.productGroupCode
      ? [{ key: 'group', label: `${t('supply.productGroup')}: ${groupName(choices.productGroupCode)}`, clear: () => update({ productGroupCode: null }) }]
      : []),
    ...(choices.programmeId !== null
      ? [{ key: 'programme', label: `${t('supply.programme')}: ${programmeName(choices.programmeId)}`, clear: () => update({ programmeId: null }) }]
      : []),
    ...(choices.year !== null ? [{ key: 'year', label: `${yearLabel}: ${String(choices.year)}`, clear: () => update({ year: null }) }] : []),
  ];
  return {
    title,
    fields: (
      <>
        <LabelledSelect
          label={t('supply.productGroup')}
          placeholder={t('supply.filter.allGroups')}
          clearable
          data={(lookups.data?.productGroups ?? []).map((group) => ({ value: group.code, label: group.name }))}
          value={choices.productGroupCode}
          onChange={(productGroupCode) => update({ productGroupCode })}
          comboboxProps={inFilterPopover}
        />
        <ProgrammeSelect
          label={t('supply.programme')}
          placeholder={t('supply.filter.allProgrammes')}
          clearable
          value={choices.programmeId}
          onChange={(programmeId) => update({ programmeId })}
          comboboxProps={inFilterPopover}
        />
        <LabelledSelect
          label={yearLabel}
          placeholder={t('supply.filter.allYears')}
          clearable
          data={yearOptions()}
          value={choices.year === null ? null : String(choices.year)}
          onChange={(value) => update({ year: value === null ? null : Number(value) })}
          comboboxProps={inFilterPopover}
        />
      </>
    ),
    active,
    onReset: () => update({ productGroupCode: null, programmeId: null, year: null }),
  };
}

function filterInput(choices: ListChoices) {
  return {
    ...(choices.search.trim() === '' ? {} : { search: choices.search.trim() }),
    ...(choices.status ? { statuses: [choices.status] } : {}),
    ...(choices.productGroupCode ? { productGroupCode: choices.productGroupCode } : {}),
    ...(choices.programmeId !== null ? { programmeId: choices.programmeId } : {}),
    ...(choices.year !== null ? { year: choices.year } : {}),
  };
}

function StatusFilter({ side, value, onChange }: { side: 'offer' | 'demand'; value: SupplyStatus | null; onChange: (status: SupplyStatus | null) => void }) {
  const { t } = useTranslation();
  return (
    <LabelledSelect
      label={t('supply.filter.status')}
      placeholder={t('supply.filter.allStatuses')}
      clearable
      w={210}
      data={supplyStatuses.map((status) => ({ value: status, label: t(`supply.status.${side}.${status}`) }))}
      value={value}
      onChange={(next) => onChange(supplyStatuses.find((status) => status === next) ?? null)}
    />
  );
}

/** Marks the step in the history that «Tạo kết nối» took, so that the notice comes back with Back and Forward. */
const pickDemandMark = 'pickDemandToConnect';

function cameToPickDemand(): boolean {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null && pickDemandMark in state;
}

/** Above the demands after «Tạo kết nối»: what to do next, which the tab alone did not say. */
export function PickDemandNotice() {
  const { t } = useTranslation();
  const [shown, setShown] = useState(cameToPickDemand);
  if (!shown) return null;
  return (
    <Alert
      color="blue"
      icon={<IconInfoCircle />}
      title={t('supply.connections.pickDemandTitle')}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={() => setShown(false)}
      mb="md"
    >
      {t('supply.connections.pickDemand')}
    </Alert>
  );
}

/** The list of one side: offers or demands, with its own columns, words and add dialog (sides.tsx). */
export function SupplyListTab<S extends OfferSummary | DemandSummary, D extends S & CommonDetail>({ spec }: { spec: SideSpec<S, D> }) {
  const { t } = useTranslation();
  const windowText = useWindowText();
  const listState = useListState(spec.listKey, initialChoices);
  const { choices, query, update } = listState;
  const [adding, addForm] = useDisclosure(false);
  const request = filterInput({ ...choices, search: query });
  const list = spec.useList({ ...request, page: listState.page, pageSize: listPageSize });
  const filtered = Object.keys(request).length > 0;
  const filters = useSharedFilters(choices, update, t(`supply.filter.${spec.area}Title`), t('supply.filter.year'));

  return (
    <ListTable<S>
      title={t(`supply.${spec.area}.title`)}
      count={(total) => t(`supply.${spec.area}.total`, { count: total })}
      addLabel={t(`supply.${spec.area}.add`)}
      onAdd={addForm.open}
      searchLabel={t(`supply.${spec.area}.searchLabel`)}
      searchPlaceholder={t(`supply.${spec.area}.searchPlaceholder`)}
      position={listState}
      filters={filters}
      toolbar={<StatusFilter side={spec.side} value={choices.status} onChange={(status) => update({ status })} />}
      exportRequest={spec.exportRequest(request)}
      list={list}
      columns={spec.listColumns({ t, windowText })}
      empty={{
        icon: spec.icon,
        title: filtered ? t(`supply.${spec.area}.noMatchTitle`) : t(`supply.${spec.area}.emptyTitle`),
        description: filtered ? t('supply.noMatchDescription') : t(`supply.${spec.area}.emptyDescription`),
      }}
      hrefOf={spec.href}
    >
      <AddSupplyModal spec={spec} opened={adding} onClose={addForm.close} />
    </ListTable>
  );
}

/** The dialog that adds an offer or a demand, and says so with a link to it once saved. */
export function AddSupplyModal<S extends OfferSummary | DemandSummary, D extends S & CommonDetail>({
  spec,
  opened,
  onClose,
  preset,
}: {
  spec: SideSpec<S, D>;
  opened: boolean;
  onClose: () => void;
  preset?: SupplyPreset;
}) {
  const { t } = useTranslation();
  const Form = spec.Form;
  return (
    <FormModal opened={opened} onClose={onClose} title={t(`supply.${spec.form}.addTitle`)} size={880}>
      <Form
        preset={preset}
        onSaved={(saved) => {
          onClose();
          notifyAdded(t(`supply.${spec.area}.created`, { product: saved.product }), spec.href(saved.id), t('supply.open'));
        }}
        onCancel={onClose}
      />
    </FormModal>
  );
}

interface ConnectionChoices {
  search: string;
  programmeId: number | null;
  channelCode: string | null;
  productGroupCode: string | null;
  year: number | null;
}

export function ConnectionsTab() {
  const { t } = useTranslation();
  const lookups = useSupplyLookups();
  const listState = useListState<ConnectionChoices>('htx-desk.supply.connections', { search: '', programmeId: null, channelCode: null, productGroupCode: null, year: null });
  const { choices, query, update } = listState;
  const request = {
    ...(query === '' ? {} : { search: query }),
    ...(choices.programmeId !== null ? { programmeId: choices.programmeId } : {}),
    ...(choices.channelCode ? { channelCode: choices.channelCode } : {}),
    ...(choices.productGroupCode ? { productGroupCode: choices.productGroupCode } : {}),
    ...(choices.year !== null ? { year: choices.year } : {}),
  };
  const list = useConnectionList({ ...request, page: listState.page, pageSize: listPageSize });
  const filtered = Object.keys(request).length > 0;
  const shared = useSharedFilters(choices, update, t('supply.filter.connectionsTitle'), t('supply.filter.connectedYear'));
  const channelName = (code: string) => lookups.data?.channels.find((channel) => channel.code === code)?.name ?? code;
  const active: ActiveFilter[] = [
    ...(choices.channelCode ? [{ key: 'channel', label: `${t('supply.channel')}: ${channelName(choices.channelCode)}`, clear: () => update({ channelCode: null }) }] : []),
    ...shared.active,
  ];

  const columnDefs: Record<ConnectionListColumn, DataTableColumn<ConnectionSummary>> = {
    connectedOn: { accessor: 'connectedOn', title: t('supply.connections.connectedOn'), noWrap: true, render: ({ connectedOn }) => formatDate(connectedOn) },
    product: { accessor: 'product', title: t('supply.column.product'), render: ({ offerId, product, productGroupName }) => <RecordLink href={offerHref(offerId)} name={product} detail={productGroupName} /> },
    seller: { accessor: 'seller', title: t('supply.connections.seller'), render: ({ seller }) => seller.name },
    buyer: { accessor: 'buyer', title: t('supply.connections.buyer'), render: ({ demandId, buyer }) => <RecordLink href={demandHref(demandId)} name={buyer.name} /> },
    quantity: {
      accessor: 'quantity',
      title: t('supply.connections.quantityDelivered'),
      noWrap: true,
      render: ({ quantity, delivered, unitName }) => (
        <>
          <Text size="sm">{formatQuantity(quantity, unitName)}</Text>
          {delivered !== null && (
            <Text size="xs" c="dimmed">
              {t('supply.connections.deliveredShort', { quantity: formatQuantity(delivered, unitName) })}
            </Text>
          )}
        </>
      ),
    },
    value: { accessor: 'value', title: t('supply.connections.value'), textAlign: 'right', noWrap: true, render: ({ value }) => (value === null ? '' : formatMoney(value)) },
    channel: { accessor: 'channelName', title: t('supply.connections.channel') },
    agreement: {
      accessor: 'agreementTitle',
      title: t('supply.connections.agreement'),
      render: ({ agreementId, agreementTitle }) => (agreementId === null ? '' : <RecordLink href={agreementHref(agreementId)} name={agreementTitle ?? ''} />),
    },
  };

  return (
    <ListTable<ConnectionSummary>
      title={t('supply.connections.listTitle')}
      count={(total) => t('supply.connections.total', { count: total })}
      addLabel={t('supply.connections.add')}
      // A connection is made from a demand, where the suggestions are: the demands tab says so.
      onAdd={() => {
        window.location.hash = supplyHref('nhu-cau').slice(1);
        window.history.replaceState({ [pickDemandMark]: true }, '');
      }}
      searchLabel={t('supply.connections.searchLabel')}
      searchPlaceholder={t('supply.connections.searchPlaceholder')}
      position={listState}
      filters={{
        title: shared.title,
        fields: (
          <>
            <LabelledSelect
              label={t('supply.channel')}
              placeholder={t('supply.filter.allChannels')}
              clearable
              data={(lookups.data?.channels ?? []).map((channel) => ({ value: channel.code, label: channel.name }))}
              value={choices.channelCode}
              onChange={(channelCode) => update({ channelCode })}
              comboboxProps={inFilterPopover}
            />
            {shared.fields}
          </>
        ),
        active,
        onReset: () => update({ channelCode: null, productGroupCode: null, programmeId: null, year: null }),
      }}
      exportRequest={{ list: 'connections', input: request, columns: [...connectionListColumns] }}
      list={list}
      columns={connectionListColumns.map((column) => columnDefs[column])}
      empty={{
        icon: <IconLink />,
        title: filtered ? t('supply.connections.noMatchTitle') : t('supply.connections.emptyTitle'),
        description: filtered ? t('supply.noMatchDescription') : t('supply.connections.emptyDescription'),
      }}
      hrefOf={(id) => {
        const row = list.data?.rows.find((connection) => connection.id === id);
        return row ? demandHref(row.demandId) : supplyHref('ket-noi');
      }}
    >
      {null}
    </ListTable>
  );
}
