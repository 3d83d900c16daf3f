/**
 * The top of the screen tree: the first-run welcome until the alliance is known, then the app
 * shell with the page the address names.
 */
import { Center, Loader, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Alliance } from '../../shared/domain';
import { AppLayout } from './components/AppLayout';
import { DataFileBanner } from './components/DataFileBanner';
import { LoadError } from './components/LoadError';
import { FirstRunPage } from './pages/FirstRunPage';
import { MembersPage } from './pages/MembersPage';
import { OrganizationPage } from './pages/OrganizationPage';
import { OverviewPage } from './pages/OverviewPage';
import { PartnersPage } from './pages/partners/PartnersPage';
import { PartnerPage } from './pages/partners/PartnerPage';
import { EventsPage } from './pages/events/EventsPage';
import { EventPage } from './pages/events/EventPage';
import { AgreementsPage } from './pages/agreements/AgreementsPage';
import { AgreementPage } from './pages/agreements/AgreementPage';
import { AttentionPage } from './pages/attention/AttentionPage';
import { PlansPage } from './pages/plans/PlansPage';
import { PlanPage } from './pages/plans/PlanPage';
import { ImportPage } from './pages/excel/ImportPage';
import { ReportsPage } from './pages/excel/ReportsPage';
import { SettingsPage } from './pages/SettingsPage';
import { BackupsSection } from './pages/settings/BackupsSection';
import { SupplyDemandPage } from './pages/supply/SupplyDemandPage';
import { SupplyRecordPage } from './pages/supply/SupplyRecordPage';
import { demandSide, offerSide } from './pages/supply/sides';
import { ProgrammePage } from './pages/supply/ProgrammePage';
import { TrashPage } from './pages/TrashPage';
import { YearGridPage } from './pages/YearGridPage';
import { useAlliance } from './queries';
import { useDataFileStatus } from './queries/backups';
import { useHashRoute, type Route } from './routing/useHashRoute';

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
      return <SupplyRecordPage key={route.offerId} spec={offerSide} id={route.offerId} />;
    case 'demand':
      return <SupplyRecordPage key={route.demandId} spec={demandSide} id={route.demandId} />;
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
  if (alliance.data === null) return <FirstRunPage />;
  return (
    <AppLayout alliance={alliance.data} route={route}>
      <CurrentPage route={route} alliance={alliance.data} />
    </AppLayout>
  );
}
