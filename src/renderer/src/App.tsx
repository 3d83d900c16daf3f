/**
 * The top of the screen tree: the first-run welcome until the alliance is known, then the app
 * shell with the page the address names.
 */
import { lazy, Suspense, useEffect } from 'react';
import { Center, Loader, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Alliance } from '../../shared/domain';
import { AppLayout } from './components/AppLayout';
import { DataFileBanner } from './components/DataFileBanner';
import { LoadError } from './components/LoadError';
import { BackupsSection } from './pages/settings/BackupsSection';
import { useAlliance } from './queries';
import { useDataFileStatus } from './queries/backups';
import { useHashRoute, type Route } from './routing/useHashRoute';

// Each page is its own chunk, fetched the first time it is opened: the window starts on the shell
// and the page its address names, rather than first reading every page's code (Tổng quan's charts
// alone are a fifth of it). A damaged file's backups stay in the first chunk, to be there whatever
// else cannot load.
const FirstRunPage = lazy(() => import('./pages/FirstRunPage').then((module) => ({ default: module.FirstRunPage })));
const MembersPage = lazy(() => import('./pages/MembersPage').then((module) => ({ default: module.MembersPage })));
const OrganizationPage = lazy(() => import('./pages/OrganizationPage').then((module) => ({ default: module.OrganizationPage })));
const loadOverview = () => import('./pages/OverviewPage');
const OverviewPage = lazy(() => loadOverview().then((module) => ({ default: module.OverviewPage })));
const PartnersPage = lazy(() => import('./pages/partners/PartnersPage').then((module) => ({ default: module.PartnersPage })));
const PartnerPage = lazy(() => import('./pages/partners/PartnerPage').then((module) => ({ default: module.PartnerPage })));
const EventsPage = lazy(() => import('./pages/events/EventsPage').then((module) => ({ default: module.EventsPage })));
const EventPage = lazy(() => import('./pages/events/EventPage').then((module) => ({ default: module.EventPage })));
const AgreementsPage = lazy(() => import('./pages/agreements/AgreementsPage').then((module) => ({ default: module.AgreementsPage })));
const AgreementPage = lazy(() => import('./pages/agreements/AgreementPage').then((module) => ({ default: module.AgreementPage })));
const AttentionPage = lazy(() => import('./pages/attention/AttentionPage').then((module) => ({ default: module.AttentionPage })));
const PlansPage = lazy(() => import('./pages/plans/PlansPage').then((module) => ({ default: module.PlansPage })));
const PlanPage = lazy(() => import('./pages/plans/PlanPage').then((module) => ({ default: module.PlanPage })));
const ImportPage = lazy(() => import('./pages/excel/ImportPage').then((module) => ({ default: module.ImportPage })));
const ReportsPage = lazy(() => import('./pages/excel/ReportsPage').then((module) => ({ default: module.ReportsPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((module) => ({ default: module.SettingsPage })));
const SupplyDemandPage = lazy(() => import('./pages/supply/SupplyDemandPage').then((module) => ({ default: module.SupplyDemandPage })));
const ProgrammePage = lazy(() => import('./pages/supply/ProgrammePage').then((module) => ({ default: module.ProgrammePage })));
const TrashPage = lazy(() => import('./pages/TrashPage').then((module) => ({ default: module.TrashPage })));
const YearGridPage = lazy(() => import('./pages/YearGridPage').then((module) => ({ default: module.YearGridPage })));
/** An offer's or a demand's page: one page written over the two sides' descriptions. */
const SupplyRecordPage = lazy(async () => {
  const [{ SupplyRecordPage: RecordPage }, { demandSide, offerSide }] = await Promise.all([
    import('./pages/supply/SupplyRecordPage'),
    import('./pages/supply/sides'),
  ]);
  return {
    default: ({ side, id }: { side: 'offer' | 'demand'; id: number }) =>
      side === 'offer' ? <RecordPage spec={offerSide} id={id} /> : <RecordPage spec={demandSide} id={id} />,
  };
});

/** What shows while a page's code is on its way: the same quiet spinner as a page's own loading. */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <Center mih={200}>
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function CurrentPage({ route, alliance }: { route: Route; alliance: Alliance }) {
  switch (route.page) {
    case 'to-chuc':
      // Keyed by id, so that moving to another organization starts its page afresh.
      return <OrganizationPage key={route.organizationId} id={route.organizationId} tab={route.tab} alliance={alliance} />;
    case 'thanh-vien':
      return <MembersPage alliance={alliance} />;
    case 'so-lieu-nam':
      return <YearGridPage />;
    case 'tong-quan':
      return <OverviewPage />;
    case 'doi-tac':
      return <PartnersPage />;
    case 'partner':
      return <PartnerPage key={route.partnerId} id={route.partnerId} />;
    case 'su-kien':
      return <EventsPage />;
    case 'event':
      return <EventPage key={route.eventId} id={route.eventId} />;
    case 'thoa-thuan':
      return <AgreementsPage />;
    case 'agreement':
      return <AgreementPage key={route.agreementId} id={route.agreementId} />;
    case 'ke-hoach':
      return <PlansPage />;
    case 'plan':
      return <PlanPage key={route.planId} id={route.planId} />;
    case 'can-chu-y':
    case 'attention':
      return <AttentionPage section={route.page === 'attention' ? route.section : null} />;
    case 'offer':
      return <SupplyRecordPage key={route.offerId} side="offer" id={route.offerId} />;
    case 'demand':
      return <SupplyRecordPage key={route.demandId} side="demand" id={route.demandId} />;
    case 'programme':
      return <ProgrammePage key={route.programmeId} id={route.programmeId} />;
    case 'nhap-excel':
      return <ImportPage />;
    case 'bao-cao':
      return <ReportsPage />;
    case 'thung-rac':
    case 'trash':
      return <TrashPage organizationId={route.page === 'trash' ? route.organizationId : undefined} />;
    case 'cai-dat':
      return <SettingsPage alliance={alliance} />;
    case 'ket-noi-cung-cau':
    case 'supply':
      return <SupplyDemandPage tab={route.page === 'supply' ? route.tab : 'chuong-trinh'} />;
  }
}

export function App() {
  const { t } = useTranslation();
  const route = useHashRoute();
  const alliance = useAlliance();
  const damaged = useDataFileStatus().data?.access === 'damaged';
  const inApp = Boolean(alliance.data);
  useEffect(() => {
    if (!inApp) return;
    // Tổng quan is where the chairperson goes first, and its code (with the charts') is the heaviest:
    // it is fetched when the window is next idle, not when the menu is clicked.
    const idle = requestIdleCallback(() => void loadOverview(), { timeout: 10_000 });
    return () => cancelIdleCallback(idle);
  }, [inApp]);

  if (alliance.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (alliance.isError) {
    // A data file too damaged to read even the alliance still offers its backups.
    return (
      <Center mih="100vh" p="md">
        {damaged ? (
          <Stack maw={960}>
            <DataFileBanner />
            <Paper withBorder p="lg" component="section">
              <Title order={3} mb="md">
                {t('backups.title')}
              </Title>
              <BackupsSection />
            </Paper>
          </Stack>
        ) : (
          <LoadError error={alliance.error} onRetry={() => void alliance.refetch()} />
        )}
      </Center>
    );
  }
  if (alliance.data === null) {
    return (
      <Suspense fallback={<PageLoading />}>
        <FirstRunPage />
      </Suspense>
    );
  }
  return (
    <AppLayout alliance={alliance.data} route={route}>
      <Suspense fallback={<PageLoading />}>
        <CurrentPage route={route} alliance={alliance.data} />
      </Suspense>
    </AppLayout>
  );
}
