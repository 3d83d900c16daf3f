/** The areas of the app in sidebar order, each with its address, label and icon. */
import {
  IconArrowsExchange,
  IconCalendarEvent,
  IconContract,
  IconLayoutDashboard,
  IconReportAnalytics,
  IconSettings,
  IconUsersGroup,
  type TablerIcon,
} from '@tabler/icons-react';
import type { Route } from '../routing/useHashRoute';

export interface Area {
  route: Route;
  label: `nav.${'overview' | 'members' | 'events' | 'agreements' | 'supplyDemand' | 'reports' | 'settings'}`;
  icon: TablerIcon;
}

export const areas: readonly Area[] = [
  { route: 'tong-quan', label: 'nav.overview', icon: IconLayoutDashboard },
  { route: 'thanh-vien', label: 'nav.members', icon: IconUsersGroup },
  { route: 'su-kien', label: 'nav.events', icon: IconCalendarEvent },
  { route: 'thoa-thuan', label: 'nav.agreements', icon: IconContract },
  { route: 'ket-noi-cung-cau', label: 'nav.supplyDemand', icon: IconArrowsExchange },
  { route: 'bao-cao', label: 'nav.reports', icon: IconReportAnalytics },
  { route: 'cai-dat', label: 'nav.settings', icon: IconSettings },
];
