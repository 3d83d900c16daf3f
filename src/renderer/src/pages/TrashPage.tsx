/**
 * Thùng rác: what was deleted — organizations, partners, events, agreements, plans — each kind in its own section,
 * with the day it was deleted and a button to put it back with everything it had.
 */
import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { DataTableColumn } from 'mantine-datatable';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeletedOrganization } from '../../../shared/contract';
import { TrashSection } from '../components/TrashSection';
import { useRestoreOrganization, useTrash } from '../queries';
import { useAgreementTrash, useRestoreAgreement } from '../queries/agreements';
import { usePlanTrash, useRestorePlan } from '../queries/plans';
import { formatPeriod } from './plans/PlansPage';
import { useEventNames, useEventTrash, useRestoreEvent } from '../queries/events';
import { usePartnerTrash, useRestorePartner } from '../queries/partners';
import { agreementHref, demandHref, supplyHref, eventHref, hrefOf, offerHref, organizationHref, partnerHref, planHref, programmeHref } from '../routing/useHashRoute';
import { formatDate, formatQuantity } from '../../../shared/format';
import {
  useConnectionTrash,
  useDemandTrash,
  useOfferTrash,
  useProgrammeTrash,
  useRestoreConnection,
  useRestoreDemand,
  useRestoreOffer,
  useRestoreProgramme,
} from '../queries/supply';

/** A connection has no page of its own: a restored one is found in the list of connections. */
const supplyConnectionsHref = supplyHref('ket-noi');

/** The trash's rows of one organization only: a hook for `TrashSection`'s `useRows`. */
function trashOfOne(id: number) {
  return function useRows(page: number, pageSize: number) {
    return useTrash(page, pageSize, id);
  };
}

/**
 * Thùng rác opened on one deleted organization (`trashedOrganizationHref`): where a possible-duplicate
 * notice sends the clerk, so that restoring it is one click rather than a search through everything.
 */
function OneOrganization({ id }: { id: number }) {
  const { t } = useTranslation();
  const useRows = useMemo(() => trashOfOne(id), [id]);
  return (
    <Stack gap="xl">
      <Stack gap={2}>
        <Title order={2}>{t('register.trash.title')}</Title>
        <Text c="dimmed">{t('register.trash.oneIntro')}</Text>
        <Anchor size="sm" href={hrefOf('thung-rac')}>
          {t('register.trash.showAll')}
        </Anchor>
      </Stack>
      <TrashSection
        title={t('register.trash.organizations')}
        emptyTitle={t('register.trash.oneGoneTitle')}
        emptyDescription={t('register.trash.oneGoneDescription')}
        openExisting={t('register.trash.openExisting')}
        useRows={useRows}
        useRestore={useRestoreOrganization}
        nameOf={(row) => row.name}
        hrefOf={organizationHref}
        columns={organizationColumns(t)}
      />
    </Stack>
  );
}

function organizationColumns(t: TFunction): DataTableColumn<DeletedOrganization>[] {
  return [
    { accessor: 'name', title: t('members.column.name') },
    { accessor: 'kind', title: t('members.column.kind'), render: ({ kind }) => t(`organization.kindShort.${kind}`) },
    { accessor: 'registrationNo', title: t('members.column.registrationNo') },
    { accessor: 'communeName', title: t('members.column.commune') },
  ];
}

/** `organizationId`: opened on that deleted organization alone. */
export function TrashPage({ organizationId }: { organizationId?: number }) {
  const { t } = useTranslation();
  const eventNames = useEventNames();
  if (organizationId !== undefined) return <OneOrganization key={organizationId} id={organizationId} />;
  return (
    <Stack gap="xl">
      <Stack gap={2}>
        <Title order={2}>{t('register.trash.title')}</Title>
        <Text c="dimmed">{t('register.trash.intro')}</Text>
      </Stack>
      <TrashSection
        title={t('register.trash.organizations')}
        total={(count) => t('register.trash.total', { count })}
        emptyTitle={t('register.trash.emptyTitle')}
        emptyDescription={t('register.trash.emptyDescription')}
        openExisting={t('register.trash.openExisting')}
        useRows={useTrash}
        useRestore={useRestoreOrganization}
        nameOf={(row) => row.name}
        hrefOf={organizationHref}
        columns={organizationColumns(t)}
      />
      <TrashSection
        title={t('partners.trash.title')}
        total={(count) => t('partners.trash.total', { count })}
        emptyTitle={t('partners.trash.emptyTitle')}
        emptyDescription={t('partners.trash.emptyDescription')}
        openExisting={t('partners.trash.openExisting')}
        useRows={usePartnerTrash}
        useRestore={useRestorePartner}
        nameOf={(row) => row.name}
        hrefOf={partnerHref}
        columns={[
          { accessor: 'name', title: t('partners.column.name') },
          { accessor: 'kind', title: t('partners.column.kind'), render: ({ kind }) => t(`partners.kind.${kind}`) },
          { accessor: 'taxCode', title: t('partners.form.taxCode') },
          { accessor: 'provinceName', title: t('partners.column.province') },
        ]}
      />
      <TrashSection
        title={t('events.trash.title')}
        total={(count) => t('events.trash.total', { count })}
        emptyTitle={t('events.trash.emptyTitle')}
        emptyDescription={t('events.trash.emptyDescription')}
        openExisting=""
        useRows={useEventTrash}
        useRestore={useRestoreEvent}
        nameOf={(row) => row.title}
        hrefOf={eventHref}
        columns={[
          { accessor: 'title', title: t('events.column.title') },
          { accessor: 'kind', title: t('events.column.kind'), render: ({ kind }) => eventNames.kind(kind) },
          { accessor: 'startsOn', title: t('events.column.dates'), render: ({ startsOn }) => formatDate(startsOn) },
        ]}
      />
      <TrashSection
        title={t('agreements.trash.title')}
        total={(count) => t('agreements.trash.total', { count })}
        emptyTitle={t('agreements.trash.emptyTitle')}
        emptyDescription={t('agreements.trash.emptyDescription')}
        openExisting=""
        useRows={useAgreementTrash}
        useRestore={useRestoreAgreement}
        nameOf={(row) => row.title}
        hrefOf={agreementHref}
        columns={[
          { accessor: 'number', title: t('agreements.column.number') },
          { accessor: 'title', title: t('agreements.column.title') },
          { accessor: 'kind', title: t('agreements.column.kind'), render: ({ kind }) => t(`agreements.kind.${kind}`) },
          { accessor: 'signedOn', title: t('agreements.column.signedOn'), render: ({ signedOn }) => formatDate(signedOn) },
        ]}
      />
      <TrashSection
        title={t('supply.trash.programmes')}
        total={(count) => t('supply.trash.programmesTotal', { count })}
        emptyTitle={t('supply.trash.programmesEmpty')}
        emptyDescription={t('supply.trash.emptyDescription')}
        openExisting=""
        useRows={useProgrammeTrash}
        useRestore={useRestoreProgramme}
        nameOf={(row) => row.name}
        hrefOf={programmeHref}
        columns={[
          { accessor: 'name', title: t('supply.programmes.name') },
          { accessor: 'decisionNo', title: t('supply.programmeForm.decisionNo') },
          { accessor: 'startsOn', title: t('supply.programmeForm.startsOn'), render: ({ startsOn }) => formatDate(startsOn) },
        ]}
      />
      <TrashSection
        title={t('supply.trash.offers')}
        total={(count) => t('supply.trash.offersTotal', { count })}
        emptyTitle={t('supply.trash.offersEmpty')}
        emptyDescription={t('supply.trash.emptyDescription')}
        openExisting=""
        useRows={useOfferTrash}
        useRestore={useRestoreOffer}
        nameOf={(row) => row.product}
        hrefOf={offerHref}
        columns={[
          { accessor: 'product', title: t('supply.column.product') },
          { accessor: 'organization', title: t('supply.column.organization'), render: ({ organization }) => organization.name },
          { accessor: 'quantity', title: t('supply.column.quantity'), render: ({ quantity, unitName }) => formatQuantity(quantity, unitName) },
        ]}
      />
      <TrashSection
        title={t('supply.trash.demands')}
        total={(count) => t('supply.trash.demandsTotal', { count })}
        emptyTitle={t('supply.trash.demandsEmpty')}
        emptyDescription={t('supply.trash.emptyDescription')}
        openExisting=""
        useRows={useDemandTrash}
        useRestore={useRestoreDemand}
        nameOf={(row) => row.product}
        hrefOf={demandHref}
        columns={[
          { accessor: 'product', title: t('supply.column.product') },
          { accessor: 'buyer', title: t('supply.column.buyer'), render: ({ buyer }) => buyer.name },
          { accessor: 'quantity', title: t('supply.column.quantity'), render: ({ quantity, unitName }) => formatQuantity(quantity, unitName) },
        ]}
      />
      <TrashSection
        title={t('supply.trash.connections')}
        total={(count) => t('supply.trash.connectionsTotal', { count })}
        emptyTitle={t('supply.trash.connectionsEmpty')}
        emptyDescription={t('supply.trash.emptyDescription')}
        openExisting=""
        useRows={useConnectionTrash}
        useRestore={useRestoreConnection}
        nameOf={(row) => `${row.product} — ${row.buyer.name}`}
        hrefOf={() => supplyConnectionsHref}
        columns={[
          { accessor: 'product', title: t('supply.column.product') },
          { accessor: 'seller', title: t('supply.connections.seller'), render: ({ seller }) => seller.name },
          { accessor: 'buyer', title: t('supply.connections.buyer'), render: ({ buyer }) => buyer.name },
          { accessor: 'quantity', title: t('supply.column.quantity'), render: ({ quantity, unitName }) => formatQuantity(quantity, unitName) },
        ]}
      />
      <TrashSection
        title={t('plans.trash.title')}
        total={(count) => t('plans.trash.total', { count })}
        emptyTitle={t('plans.trash.emptyTitle')}
        emptyDescription={t('plans.trash.emptyDescription')}
        openExisting=""
        useRows={usePlanTrash}
        useRestore={useRestorePlan}
        nameOf={(row) => row.title}
        hrefOf={planHref}
        columns={[
          { accessor: 'number', title: t('plans.form.number') },
          { accessor: 'title', title: t('plans.column.title') },
          { accessor: 'periodFrom', title: t('plans.column.period'), render: (row) => formatPeriod(row) },
        ]}
      />
    </Stack>
  );
}
