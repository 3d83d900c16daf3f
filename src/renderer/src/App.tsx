/**
 * The top of the screen tree: the first-run welcome until the alliance is known, then the app
 * shell with the page the address names.
 */
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Alliance } from '../../shared/domain';
import { AppLayout } from './components/AppLayout';
import { areas } from './components/navigation';
import { LoadError } from './components/LoadError';
import { FirstRunPage } from './pages/FirstRunPage';
import { MembersPage } from './pages/MembersPage';
import { OrganizationPage } from './pages/OrganizationPage';
import { OverviewPage } from './pages/OverviewPage';
import { PlaceholderPage } from './pages/PlaceholderPage';
import { SettingsPage } from './pages/SettingsPage';
import { TrashPage } from './pages/TrashPage';
import { YearGridPage } from './pages/YearGridPage';
import { useAlliance } from './queries';
import { useHashRoute, type Route } from './routing/useHashRoute';

function CurrentPage({ route, alliance }: { route: Route; alliance: Alliance }) {
  const { t } = useTranslation();
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
    case 'thung-rac':
      return <TrashPage />;
    case 'cai-dat':
      return <SettingsPage alliance={alliance} />;
    default: {
      const { page } = route;
      const area = areas.find((candidate) => candidate.route === page);
      return <PlaceholderPage title={area ? t(area.label) : page} />;
    }
  }
}

export function App() {
  const { t } = useTranslation();
  const route = useHashRoute();
  const alliance = useAlliance();

  if (alliance.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (alliance.isError) {
    return (
      <Center mih="100vh" p="md">
        <LoadError error={alliance.error} onRetry={() => void alliance.refetch()} />
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
