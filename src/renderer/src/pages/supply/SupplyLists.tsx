/**
 * The lists of Kết nối cung – cầu: offers, demands and connections, searched without diacritics,
 * filtered (status in the toolbar; product group, programme and year behind «Bộ lọc») and paged by
 * the backend, exported as shown. The choices last for the session, so Back returns to the list.
 */
import { Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink, IconPackage, IconShoppingCart } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import {
  connectionListColumns,
  demandListColumns,
  offerListColumns,
  type ConnectionListColumn,
  type ConnectionSummary,
  type DemandListColumn,
  type DemandSummary,
  type OfferListColumn,
  type OfferSummary,
} from '../../../../shared/contract';
import { supplyStatuses, type SupplyStatus } from '../../../../shared/domain';
import { formatDate, formatMoney, formatQuantity } from '../../../../shared/format';
import { LabelledSelect } from '../../components/LabelledSelect';
import { inFilterPopover, ListTable, listPageSize, notifyAdded, RecordLink, useListState, type ActiveFilter } from '../../components/ListTable';
import { useConnectionList, useDemandList, useOfferList, useProgrammes, useSupplyLookups } from '../../queries/supply';
import { agreementHref, demandHref, offerHref, supplyHref } from '../../routing/useHashRoute';
import { DemandForm } from './DemandForm';
import { OfferForm } from './OfferForm';
import { priceRange, QuantityLeft, SupplyStatusBadge, useWindowText } from './SupplyBits';

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

/** The filters behind «Bộ lọc» the three lists share, with their chips. */
function useSharedFilters(choices: ListChoices, update: (patch: Partial<ListChoices>) => void, title: string) {
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
    ...(choices.year !== null ? [{ key: 'year', label: `${t('supply.filter.year')}: ${String(choices.year)}`, clear: () => update({ year: null }) }] : []),
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
        <LabelledSelect
          label={t('supply.programme')}
          placeholder={t('supply.filter.allProgrammes')}
          clearable
          data={(programmes.data ?? []).map((programme) => ({ value: String(programme.id), label: programme.name }))}
          value={choices.programmeId === null ? null : String(choices.programmeId)}
          onChange={(value) => update({ programmeId: value === null ? null : Number(value) })}
          comboboxProps={inFilterPopover}
        />
        <LabelledSelect
          label={t('supply.filter.year')}
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

export function OffersTab() {
  const { t } = useTranslation();
  const windowText = useWindowText();
  const listState = useListState('htx-desk.supply.offers', initialChoices);
  const { choices, query, update } = listState;
  const [adding, addForm] = useDisclosure(false);
  const request = filterInput({ ...choices, search: query });
  const list = useOfferList({ ...request, page: listState.page, pageSize: listPageSize });
  const filtered = Object.keys(request).length > 0;
  const filters = useSharedFilters(choices, update, t('supply.filter.offersTitle'));

  const columnDefs: Record<OfferListColumn, DataTableColumn<OfferSummary>> = {
    product: {
      accessor: 'product',
      title: t('supply.column.product'),
      render: ({ id, product, productGroupName }) => <RecordLink href={offerHref(id)} name={product} detail={productGroupName} />,
    },
    organization: { accessor: 'organization', title: t('supply.column.organization'), width: '22%', render: ({ organization }) => organization.name },
    quantity: {
      accessor: 'quantity',
      title: t('supply.column.quantity'),
      noWrap: true,
      render: ({ quantity, remaining, unitName }) => <QuantityLeft quantity={quantity} remaining={remaining} unitName={unitName} />,
    },
    window: { accessor: 'availableFrom', title: t('supply.column.window'), noWrap: true, render: ({ availableFrom, availableUntil }) => windowText(availableFrom, availableUntil) },
    price: { accessor: 'priceMin', title: t('supply.column.price'), render: ({ priceMin, priceMax, unitName }) => priceRange(priceMin, priceMax, unitName) },
    place: { accessor: 'placeName', title: t('supply.column.place') },
    status: { accessor: 'status', title: t('supply.column.status'), width: 150, render: ({ status }) => <SupplyStatusBadge status={status} side="offer" /> },
  };

  return (
    <ListTable<OfferSummary>
      title={t('supply.offers.title')}
      count={(total) => t('supply.offers.total', { count: total })}
      addLabel={t('supply.offers.add')}
      onAdd={addForm.open}
      searchLabel={t('supply.offers.searchLabel')}
      searchPlaceholder={t('supply.offers.searchPlaceholder')}
      position={listState}
      filters={filters}
      toolbar={<StatusFilter side="offer" value={choices.status} onChange={(status) => update({ status })} />}
      exportRequest={{ list: 'offers', input: request, columns: [...offerListColumns] }}
      list={list}
      columns={offerListColumns.map((column) => columnDefs[column])}
      empty={{
        icon: <IconPackage />,
        title: filtered ? t('supply.offers.noMatchTitle') : t('supply.offers.emptyTitle'),
        description: filtered ? t('supply.noMatchDescription') : t('supply.offers.emptyDescription'),
      }}
      hrefOf={offerHref}
    >
      <Modal opened={adding} onClose={addForm.close} title={t('supply.offerForm.addTitle')} size={880}>
        <OfferForm
          onSaved={(offer) => {
            addForm.close();
            notifyAdded(t('supply.offers.created', { product: offer.product }), offerHref(offer.id), t('supply.open'));
          }}
          onCancel={addForm.close}
        />
      </Modal>
    </ListTable>
  );
}

export function DemandsTab() {
  const { t } = useTranslation();
  const windowText = useWindowText();
  const listState = useListState('htx-desk.supply.demands', initialChoices);
  const { choices, query, update } = listState;
  const [adding, addForm] = useDisclosure(false);
  const request = filterInput({ ...choices, search: query });
  const list = useDemandList({ ...request, page: listState.page, pageSize: listPageSize });
  const filtered = Object.keys(request).length > 0;
  const filters = useSharedFilters(choices, update, t('supply.filter.demandsTitle'));

  const columnDefs: Record<DemandListColumn, DataTableColumn<DemandSummary>> = {
    product: {
      accessor: 'product',
      title: t('supply.column.product'),
      render: ({ id, product, productGroupName }) => <RecordLink href={demandHref(id)} name={product} detail={productGroupName} />,
    },
    buyer: { accessor: 'buyer', title: t('supply.column.buyer'), width: '22%', render: ({ buyer }) => buyer.name },
    quantity: {
      accessor: 'quantity',
      title: t('supply.column.quantity'),
      noWrap: true,
      render: ({ quantity, remaining, unitName }) => <QuantityLeft quantity={quantity} remaining={remaining} unitName={unitName} />,
    },
    period: { accessor: 'neededFrom', title: t('supply.column.period'), noWrap: true, render: ({ neededFrom, neededUntil }) => windowText(neededFrom, neededUntil) },
    place: { accessor: 'deliveryProvinceName', title: t('supply.column.delivery'), render: ({ deliveryPlace, deliveryProvinceName }) => [deliveryPlace, deliveryProvinceName].filter(Boolean).join(', ') },
    status: { accessor: 'status', title: t('supply.column.status'), width: 150, render: ({ status }) => <SupplyStatusBadge status={status} side="demand" /> },
  };

  return (
    <ListTable<DemandSummary>
      title={t('supply.demands.title')}
      count={(total) => t('supply.demands.total', { count: total })}
      addLabel={t('supply.demands.add')}
      onAdd={addForm.open}
      searchLabel={t('supply.demands.searchLabel')}
      searchPlaceholder={t('supply.demands.searchPlaceholder')}
      position={listState}
      filters={filters}
      toolbar={<StatusFilter side="demand" value={choices.status} onChange={(status) => update({ status })} />}
      exportRequest={{ list: 'demands', input: request, columns: [...demandListColumns] }}
      list={list}
      columns={demandListColumns.map((column) => columnDefs[column])}
      empty={{
        icon: <IconShoppingCart />,
        title: filtered ? t('supply.demands.noMatchTitle') : t('supply.demands.emptyTitle'),
        description: filtered ? t('supply.noMatchDescription') : t('supply.demands.emptyDescription'),
      }}
      hrefOf={demandHref}
    >
      <Modal opened={adding} onClose={addForm.close} title={t('supply.demandForm.addTitle')} size={880}>
        <DemandForm
          onSaved={(demand) => {
            addForm.close();
            notifyAdded(t('supply.demands.created', { product: demand.product }), demandHref(demand.id), t('supply.open'));
          }}
          onCancel={addForm.close}
        />
      </Modal>
    </ListTable>
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
  const programmes = useProgrammes();
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
  const nameIn = (rows: { code: string; name: string }[] | undefined, code: string) => rows?.find((row) => row.code === code)?.name ?? code;
  const active: ActiveFilter[] = [
    ...(choices.channelCode ? [{ key: 'channel', label: `${t('supply.channel')}: ${nameIn(lookups.data?.channels, choices.channelCode)}`, clear: () => update({ channelCode: null }) }] : []),
    ...(choices.productGroupCode
      ? [{ key: 'group', label: `${t('supply.productGroup')}: ${nameIn(lookups.data?.productGroups, choices.productGroupCode)}`, clear: () => update({ productGroupCode: null }) }]
      : []),
    ...(choices.programmeId !== null
      ? [{ key: 'programme', label: `${t('supply.programme')}: ${programmes.data?.find((row) => row.id === choices.programmeId)?.name ?? ''}`, clear: () => update({ programmeId: null }) }]
      : []),
    ...(choices.year !== null ? [{ key: 'year', label: `${t('supply.filter.connectedYear')}: ${String(choices.year)}`, clear: () => update({ year: null }) }] : []),
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
      // A connection is made from an offer or a demand, where the suggestions are.
      onAdd={() => (window.location.hash = supplyHref('nhu-cau').slice(1))}
      searchLabel={t('supply.connections.searchLabel')}
      searchPlaceholder={t('supply.connections.searchPlaceholder')}
      position={listState}
      filters={{
        title: t('supply.filter.connectionsTitle'),
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
            <LabelledSelect
              label={t('supply.productGroup')}
              placeholder={t('supply.filter.allGroups')}
              clearable
              data={(lookups.data?.productGroups ?? []).map((group) => ({ value: group.code, label: group.name }))}
              value={choices.productGroupCode}
              onChange={(productGroupCode) => update({ productGroupCode })}
              comboboxProps={inFilterPopover}
            />
            <LabelledSelect
              label={t('supply.programme')}
              placeholder={t('supply.filter.allProgrammes')}
              clearable
              data={(programmes.data ?? []).map((programme) => ({ value: String(programme.id), label: programme.name }))}
              value={choices.programmeId === null ? null : String(choices.programmeId)}
              onChange={(value) => update({ programmeId: value === null ? null : Number(value) })}
              comboboxProps={inFilterPopover}
            />
            <LabelledSelect
              label={t('supply.filter.connectedYear')}
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
