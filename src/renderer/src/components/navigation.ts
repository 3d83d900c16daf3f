/** The areas of the app in sidebar order, each with its address, label and icon. */
import {
  IconAlertTriangle,
  IconArrowsExchange,
  IconBuildingStore,
  IconFileImport,
  IconCalendarEvent,
  IconContract,
  IconLayoutDashboard,
  IconReportAnalytics,
  IconSettings,
  IconTable,
  IconTargetArrow,
  IconTrash,
  IconUsersGroup,
  type TablerIcon,
} from '@tabler/icons-react';
import type { Page } from '../routing/useHashRoute';

export interface Area {
  route: Page;
  label:
    | `nav.${'overview' | 'attention' | 'members' | 'partners' | 'events' | 'agreements' | 'plans' | 'supplyDemand' | 'import' | 'reports' | 'settings'}`
    | `register.nav.${'yearGrid' | 'trash'}`;
  icon: TablerIcon;
  /** A sub-entry, shown indented under the area before it. */
  nested?: boolean;
  /** Starts the lower group of the sidebar (housekeeping rather than daily work). */
  lower?: boolean;
}

export const areas: readonly Area[] = [
  { route: 'tong-quan', label: 'nav.overview', icon: IconLayoutDashboard },
  { route: 'can-chu-y', label: 'nav.attention', icon: IconAlertTriangle },
  { route: 'thanh-vien', label: 'nav.members', icon: IconUsersGroup },
  { route: 'so-lieu-nam', label: 'register.nav.yearGrid', icon: IconTable, nested: true },
  { route: 'doi-tac', label: 'nav.partners', icon: IconBuildingStore },
  { route: 'su-kien', label: 'nav.events', icon: IconCalendarEvent },
  { route: 'thoa-thuan', label: 'nav.agreements', icon: IconContract },
  { route: 'ke-hoach', label: 'nav.plans', icon: IconTargetArrow },
  { route: 'ket-noi-cung-cau', label: 'nav.supplyDemand', icon: IconArrowsExchange },
  { route: 'nhap-excel', label: 'nav.import', icon: IconFileImport },
  { route: 'bao-cao', label: 'nav.reports', icon: IconReportAnalytics },
  { route: 'thung-rac', label: 'register.nav.trash', icon: IconTrash, lower: true },
  { route: 'cai-dat', label: 'nav.settings', icon: IconSettings },
];
