/**
 * The frame around every page: the app and alliance names on top, the areas on the left, and
 * first of all a skip link, so that the keyboard reaches the page without passing every area.
 */
import { useRef, type ReactNode } from 'react';
import { Anchor, AppShell, Burger, Divider, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Alliance } from '../../../shared/domain';
import { hrefOf, type Page, type Route } from '../routing/useHashRoute';
import { DataFileBanner } from './DataFileBanner';
import { areas } from './navigation';
import './skipLink.css';

interface AppLayoutProps {
  alliance: Alliance;
  route: Route;
  children: ReactNode;
}

/** A record's page belongs to its list, so that entry stays lit there. */
function activePage(route: Route): Page {
  switch (route.page) {
    case 'to-chuc':
      return 'thanh-vien';
    case 'partner':
      return 'doi-tac';
    case 'event':
      return 'su-kien';
    case 'agreement':
      return 'thoa-thuan';
    case 'supply':
    case 'offer':
    case 'demand':
    case 'programme':
      return 'ket-noi-cung-cau';
    case 'plan':
      return 'ke-hoach';
    case 'attention':
      return 'can-chu-y';
    case 'trash':
      return 'thung-rac';
    default:
      return route.page;
  }
}

export function AppLayout({ alliance, route, children }: AppLayoutProps) {
  const { t } = useTranslation();
  // Only narrow windows fold the sidebar away; it is always shown on a desktop-sized window.
  const [navOpened, nav] = useDisclosure(false);
  const active = activePage(route);
  const main = useRef<HTMLElement>(null);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <Anchor
        className="skip-link"
        // The hash is the page's address: the link moves the focus itself rather than the address.
        href="#noi-dung-chinh"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('nav.skipToMain')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
          <Text fw={700} c="teal.8" style={{ flexShrink: 0 }}>
            {t('common.appName')}
          </Text>
          <Text c="dimmed" truncate>
            {alliance.name}
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {areas.map(({ route: target, label, icon: Icon, nested, lower }) => (
          <div key={target}>
            {lower && <Divider my="xs" />}
            <NavLink
              href={hrefOf(target)}
              label={t(label)}
              leftSection={<Icon size={nested ? 16 : 18} stroke={1.6} />}
              pl={nested ? 28 : undefined}
              active={target === active}
              aria-current={target === active ? 'page' : undefined}
              onClick={nav.close}
            />
          </div>
        ))}
      </AppShell.Navbar>
      {/* Focusable by the skip link only; the next Tab goes on into the page. */}
      <AppShell.Main id="noi-dung-chinh" ref={main} tabIndex={-1} style={{ outline: 'none' }}>
        <DataFileBanner />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
