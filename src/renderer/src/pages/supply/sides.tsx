/**
 * The two sides of supply–demand connection, offers (nguồn cung, chào bán) and demands (nhu cầu),
 * described as data: their words, addresses, list and detail queries, the party on each, the
 * facts their page shows, the columns of their list, and the form that adds or edits one. The
 * page, the list and the add dialog are written once over these (SupplyRecordPage, SupplyListTab,
 * AddSupplyModal).
 */
import type { ComponentType, ReactNode } from 'react';
import { Anchor, Badge, Group } from '@mantine/core';
import { IconPackage, IconShoppingCart } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { DataTableColumn } from 'mantine-datatable';
import type { TFunction } from 'i18next';
import {
  demandListColumns,
  offerListColumns,
  type CommonDetail,
  type DemandDetail,
  type DemandSummary,
  type InputOf,
  type ListExportInput,
  type OfferDetail,
  type OfferSummary,
  type SupplyParty,
} from '../../../../shared/contract';
import type { Page } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/format';
import type { Counterpart } from '../../components/CounterpartPicker';
import { RecordLink } from '../../components/ListTable';
import { useDemand, useDemandList, useOffer, useOfferList } from '../../queries/supply';
import { demandHref, offerHref, organizationHref, partnerHref, programmeHref } from '../../routing/useHashRoute';
import { DemandForm } from './DemandForm';
import { OfferForm } from './OfferForm';
import { DemandSuggestions, OfferSuggestions } from './Suggestions';
import { priceRange, QuantityLeft, SupplyStatusBadge } from './SupplyBits';
import type { PartySide } from './SupplyFormParts';

export type Side = 'offer' | 'demand';

/** What a side's page, list and forms are given to say a window of days. */
export interface Show {
  t: TFunction;
  windowText: (from: string, until: string | null) => string;
}

/** For a new record: the party (from its page) or the programme (from its page). */
export interface SupplyPreset {
  party?: Counterpart;
  programmeId?: number;
}

export interface SupplyFormProps<S, D> {
  initial?: D;
  preset?: SupplyPreset;
  onSaved: (saved: S) => void;
  onCancel: () => void;
}

type ListInput = Omit<InputOf<'offers:list'> & InputOf<'demands:list'>, 'organizationId' | 'buyer'>;

export interface SideSpec<S extends OfferSummary | DemandSummary, D extends S & CommonDetail> extends PartySide {
  side: Side;
  /** The key of its words under `supply.` (and of its channels); `form`, of its form's words. */
  area: 'offers' | 'demands';
  /** Its tab of Kết nối cung – cầu. */
  tab: 'nguon-cung' | 'nhu-cau';
  href: (id: number) => string;
  icon: ReactNode;
  /** Where its list's choices are kept for the session. */
  listKey: string;
  useList: (input: ListInput & { page: number; pageSize: number }) => UseQueryResult<Page<S>>;
  useDetail: (id: number) => UseQueryResult<D>;
  /** Who offers or who asks. */
  party: (record: S) => SupplyParty;
  window: (record: S) => [from: string, until: string | null];
  /** The facts its page shows, in order; `null` leaves one out. */
  facts: (record: D, show: Show) => ({ label: string; value: ReactNode } | null)[];
  listColumns: (show: Show) => DataTableColumn<S>[];
  /** What «Xuất Excel» of its list writes: the list's request, with every column. */
  exportRequest: (input: ListInput) => ListExportInput;
  Form: ComponentType<SupplyFormProps<S, D>>;
  Suggestions: ComponentType<{ record: S }>;
  /** The words of its connections table when there is none. */
  noConnections: 'noneForOffer' | 'noneForDemand';
  /**
   * Why it is out of Kết nối cung – cầu though not withdrawn by anyone (its seller ended, its buyer
   * is in the trash), said at the top of its page; null when it is not.
   */
  outOfSight: (record: D, t: TFunction) => string | null;
}

export function partyHref(party: SupplyParty): string {
  return party.kind === 'partner' ? partnerHref(party.id) : organizationHref(party.id);
}

function programmeFact(record: OfferDetail | DemandDetail, t: TFunction) {
  return {
    label: t('supply.programme'),
    value: record.programmeId !== null && record.programmeName !== null ? <Anchor size="sm" href={programmeHref(record.programmeId)}>{record.programmeName}</Anchor> : '',
  };
}

const quantityColumn = <S extends OfferSummary | DemandSummary>(t: TFunction): DataTableColumn<S> => ({
  accessor: 'quantity',
  title: t('supply.column.quantity'),
  noWrap: true,
  render: ({ quantity, remaining, unitName }) => <QuantityLeft quantity={quantity} remaining={remaining} unitName={unitName} />,
});

export const offerSide: SideSpec<OfferSummary, OfferDetail> = {
  side: 'offer',
  area: 'offers',
  form: 'offerForm',
  partyKinds: 'organization',
  tab: 'nguon-cung',
  href: offerHref,
  icon: <IconPackage />,
  listKey: 'htx-desk.supply.offers',
  useList: useOfferList,
  useDetail: useOffer,
  party: (offer) => offer.organization,
  window: (offer) => [offer.availableFrom, offer.availableUntil],
  facts: (offer, { t, windowText }) => [
    { label: t('supply.quantity'), value: <QuantityLeft quantity={offer.quantity} remaining={offer.remaining} unitName={offer.unitName} /> },
    { label: t('supply.window'), value: windowText(offer.availableFrom, offer.availableUntil) },
    { label: t('supply.price'), value: priceRange(t, offer.priceMin, offer.priceMax, offer.unitName) },
    { label: t('supply.offerForm.commune'), value: offer.placeName },
    { label: t('supply.packaging'), value: offer.packaging },
    { label: t('supply.deliveryTerms'), value: offer.deliveryTerms },
    { label: t('supply.contact'), value: [offer.contactName, offer.contactPhone].filter(Boolean).join(', ') },
    programmeFact(offer, t),
    offer.withdrawnOn === null ? null : { label: t('supply.withdrawnOn'), value: formatDate(offer.withdrawnOn) },
    {
      label: t('supply.offers.certificates'),
      value:
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
        ),
    },
    { label: t('supply.note'), value: offer.note },
  ],
  listColumns: ({ t, windowText }) => [
    {
      accessor: 'product',
      title: t('supply.column.product'),
      render: ({ id, product, productGroupName }) => <RecordLink href={offerHref(id)} name={product} detail={productGroupName} />,
    },
    { accessor: 'organization', title: t('supply.column.organization'), width: '22%', render: ({ organization }) => organization.name },
    quantityColumn(t),
    { accessor: 'availableFrom', title: t('supply.column.window'), noWrap: true, render: ({ availableFrom, availableUntil }) => windowText(availableFrom, availableUntil) },
    { accessor: 'priceMin', title: t('supply.column.price'), render: ({ priceMin, priceMax, unitName }) => priceRange(t, priceMin, priceMax, unitName) },
    { accessor: 'placeName', title: t('supply.column.place') },
    { accessor: 'status', title: t('supply.column.status'), width: 185, render: ({ status }) => <SupplyStatusBadge status={status} side="offer" /> },
  ],
  exportRequest: (input) => ({ list: 'offers', input, columns: [...offerListColumns] }),
  Form: ({ preset, ...props }) => <OfferForm {...props} side={offerSide} preset={{ organization: preset?.party, programmeId: preset?.programmeId }} />,
  Suggestions: ({ record }) => <DemandSuggestions offer={record} />,
  noConnections: 'noneForOffer',
  outOfSight: (offer, t) =>
    offer.sellerInTrash ? t('supply.offers.sellerInTrash') : offer.sellerEndedOn === null ? null : t('supply.offers.sellerEnded', { date: formatDate(offer.sellerEndedOn) }),
};

export const demandSide: SideSpec<DemandSummary, DemandDetail> = {
  side: 'demand',
  area: 'demands',
  form: 'demandForm',
  partyKinds: 'any',
  tab: 'nhu-cau',
  href: demandHref,
  icon: <IconShoppingCart />,
  listKey: 'htx-desk.supply.demands',
  useList: useDemandList,
  useDetail: useDemand,
  party: (demand) => demand.buyer,
  window: (demand) => [demand.neededFrom, demand.neededUntil],
  facts: (demand, { t, windowText }) => [
    { label: t('supply.quantity'), value: <QuantityLeft quantity={demand.quantity} remaining={demand.remaining} unitName={demand.unitName} /> },
    { label: t('supply.neededWindow'), value: windowText(demand.neededFrom, demand.neededUntil) },
    { label: t('supply.price'), value: priceRange(t, demand.priceMin, demand.priceMax, demand.unitName) },
    { label: t('supply.deliveryPlace'), value: [demand.deliveryPlace, demand.deliveryProvinceName].filter(Boolean).join(', ') },
    {
      label: t('supply.demands.requirements'),
      value:
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
        ),
    },
    { label: t('supply.qualityNote'), value: demand.qualityNote },
    { label: t('supply.contact'), value: [demand.contactName, demand.contactPhone].filter(Boolean).join(', ') },
    programmeFact(demand, t),
    demand.withdrawnOn === null ? null : { label: t('supply.withdrawnOn'), value: formatDate(demand.withdrawnOn) },
    { label: t('supply.note'), value: demand.note },
  ],
  listColumns: ({ t, windowText }) => [
    {
      accessor: 'product',
      title: t('supply.column.product'),
      render: ({ id, product, productGroupName }) => <RecordLink href={demandHref(id)} name={product} detail={productGroupName} />,
    },
    { accessor: 'buyer', title: t('supply.column.buyer'), width: '22%', render: ({ buyer }) => buyer.name },
    quantityColumn(t),
    { accessor: 'neededFrom', title: t('supply.column.period'), noWrap: true, render: ({ neededFrom, neededUntil }) => windowText(neededFrom, neededUntil) },
    { accessor: 'priceMin', title: t('supply.column.price'), render: ({ priceMin, priceMax, unitName }) => priceRange(t, priceMin, priceMax, unitName) },
    { accessor: 'deliveryProvinceName', title: t('supply.column.delivery'), render: ({ deliveryPlace, deliveryProvinceName }) => [deliveryPlace, deliveryProvinceName].filter(Boolean).join(', ') },
    { accessor: 'status', title: t('supply.column.status'), width: 185, render: ({ status }) => <SupplyStatusBadge status={status} side="demand" /> },
  ],
  exportRequest: (input) => ({ list: 'demands', input, columns: [...demandListColumns] }),
  Form: ({ preset, ...props }) => <DemandForm {...props} side={demandSide} preset={{ buyer: preset?.party, programmeId: preset?.programmeId }} />,
  Suggestions: ({ record }) => <OfferSuggestions demand={record} />,
  noConnections: 'noneForDemand',
  outOfSight: (demand, t) =>
    demand.buyerInTrash ? t('supply.demands.buyerInTrash') : demand.buyerEndedOn === null ? null : t('supply.demands.buyerEnded', { date: formatDate(demand.buyerEndedOn) }),
};
