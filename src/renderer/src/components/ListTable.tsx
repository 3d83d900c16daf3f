/**
 * What the list screens (Thành viên, Đối tác, Sự kiện, Thỏa thuận) share: the title with the count
 * and the add button, the search box, the filters and the export, then the table that the backend
 * searches, filters, sorts and pages; a row opens its record. What the user chose lasts for the
 * session (`useListState`), so that Back from a record returns to the same list.
 */
import type { ReactNode } from 'react';
import { Anchor, Badge, Button, CloseButton, EmptyState, Group, Indicator, Popover, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useSessionStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFilter, IconPlus, IconSearch } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { type DataTableColumn, type DataTableSortProps, type DataTableSortStatus } from 'mantine-datatable';
import { DataTable } from './DataTable';
import { useTranslation } from 'react-i18next';
import type { ListExportInput } from '../../../shared/contract';
import type { Page } from '../../../shared/domain';
import { ExportButton } from './ExportButton';
import { LoadError } from './LoadError';

export const listPageSize = 50;
/** Long enough to skip the keystrokes of a word being typed, short enough to feel live. */
const searchDelayMs = 200;

/** Selects inside the filter popover keep their dropdowns inside it, so a pick does not close it. */
export const inFilterPopover = { withinPortal: false } as const;

/** The search box's text and the page shown: what the table itself reads and changes. */
export interface ListPosition {
  search: string;
  setSearch: (search: string) => void;
  page: number;
  setPage: (page: number) => void;
}

/** The page belongs to the request it was chosen for; a new request starts again at page 1. */
interface Paging {
  key: string;
  page: number;
}

/**
 * The user's choices on one list (the search text, and whatever filters and sort it has), kept in
 * the session under `storageKey`, with the page they are on. `query` is the search as typed once
 * the typing pauses: the request asks for that.
 */
export function useListState<Choices extends { search: string }>(storageKey: string, initial: Choices) {
  const [stored, setStored] = useSessionStorage<Choices & { paging: Paging }>({
    key: storageKey,
    defaultValue: { ...initial, paging: { key: '', page: 1 } },
    getInitialValueInEffect: false,
  });
  const { paging, ...chosen } = stored;
  const [query] = useDebouncedValue(stored.search.trim(), searchDelayMs);
  const requestKey = JSON.stringify({ ...chosen, search: query });
  return {
    choices: stored,
    query,
    update: (patch: Partial<Choices>) => setStored((current) => ({ ...current, ...patch })),
    search: stored.search,
    setSearch: (search: string) => setStored((current) => ({ ...current, search })),
    page: paging.key === requestKey ? paging.page : 1,
    setPage: (page: number) => setStored((current) => ({ ...current, paging: { key: requestKey, page } })),
  };
}

/** A filter in force, shown under the toolbar as a chip that removes it. */
export interface ActiveFilter {
  key: string;
  label: string;
  clear: () => void;
}

interface ListFilters {
  /** Names the filters' popover, e.g. "Lọc danh sách thành viên". */
  title: string;
  /** The fields inside the popover; their selects take `comboboxProps={inFilterPopover}`. */
  fields: ReactNode;
  /** Their number is shown on the filter button. */
  active: ActiveFilter[];
  onReset: () => void;
}

interface ListTableProps<Row extends { id: number }> {
  title: string;
  /** "657 tổ chức"; `capped`: counting stopped at a cap, more rows than `total` match. */
  count: (total: number, capped: boolean) => string;
  addLabel: string;
  onAdd: () => void;
  searchLabel: string;
  searchPlaceholder: string;
  position: ListPosition;
  /** Filters kept in a popover behind a button, for a list with more than fit in the toolbar. */
  filters?: ListFilters;
  /** The rest of the toolbar, between the search box (and filter button) and the export. */
  toolbar?: ReactNode;
  /** The list's request without the page, and the columns shown: the export writes the same. Absent: a short list with no export. */
  exportRequest?: ListExportInput;
  list: UseQueryResult<Page<Row>>;
  columns: DataTableColumn<Row>[];
  /** The last column stays in view while a table wider than the page scrolls sideways (a status). */
  pinLastColumn?: boolean;
  /** The sort the backend applies; without it, the list has one fixed order. */
  sort?: { status: DataTableSortStatus<Row>; onChange: (status: DataTableSortStatus<Row>) => void };
  /** What the empty table says: that there is nothing yet, or that nothing matches. */
  empty: { icon: ReactNode; title: string; description: string };
  /** The address of a row's record, which a click on the row opens. */
  hrefOf: (id: number) => string;
  /** The add dialog. */
  children: ReactNode;
}

export function ListTable<Row extends { id: number }>(props: ListTableProps<Row>) {
  const { list, position, filters, sort, hrefOf } = props;
  const sorting: DataTableSortProps<Row> = sort ? { sortStatus: sort.status, onSortStatusChange: sort.onChange } : {};
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{props.title}</Title>
          {list.data && <Text c="dimmed">{props.count(list.data.total, list.data.totalCapped === true)}</Text>}
        </Stack>
        <Button leftSection={<IconPlus size={18} />} onClick={props.onAdd}>
          {props.addLabel}
        </Button>
      </Group>

      <Group align="flex-end" gap="sm">
        <TextInput
          flex={1}
          miw={280}
          aria-label={props.searchLabel}
          placeholder={props.searchPlaceholder}
          leftSection={<IconSearch size={16} />}
          value={position.search}
          onChange={(event) => position.setSearch(event.currentTarget.value)}
        />
        {filters && <FilterButton filters={filters} />}
        {props.toolbar}
        {props.exportRequest && <ExportButton request={props.exportRequest} />}
      </Group>

      {filters && <FilterChips filters={filters} />}

      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Row>
          withTableBorder
          striped
          highlightOnHover
          minHeight={list.data?.rows.length ? undefined : 240}
          records={list.data?.rows ?? []}
          fetching={list.isFetching}
          emptyState={<EmptyState icon={props.empty.icon} title={props.empty.title} description={props.empty.description} />}
          columns={props.columns}
          pinLastColumn={props.pinLastColumn}
          // A table wider than the page shows its scrollbar, not only under the pointer: a row cut
          // at the edge says there is more to the right.
          scrollAreaProps={{ type: 'auto' }}
          {...sorting}
          onRowClick={({ record }) => (window.location.hash = hrefOf(record.id).slice(1))}
          rowStyle={() => ({ cursor: 'pointer' })}
          page={position.page}
          onPageChange={position.setPage}
          totalRecords={list.data?.total ?? 0}
          recordsPerPage={listPageSize}
        />
      )}

      {props.children}
    </Stack>
  );
}

/** Says that a record was added, with a link to open it; the notice stays long enough to click it. */
export function notifyAdded(message: string, href: string, openLabel: string): void {
  notifications.show({
    color: 'teal',
    autoClose: 10000,
    message: (
      <Group gap="xs">
        <Text size="sm">{message}</Text>
        <Anchor size="sm" href={href}>
          {openLabel}
        </Anchor>
      </Group>
    ),
  });
}

interface RecordLinkProps {
  href: string;
  name: string;
  /** A second, grey line: the short name, the venue. */
  detail?: string;
}

/** A row's name as a link to its record, so that it can also be opened in another window. */
export function RecordLink({ href, name, detail = '' }: RecordLinkProps) {
  return (
    <>
      <Anchor size="sm" href={href} c="inherit" underline="hover">
        {name}
      </Anchor>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </>
  );
}

function FilterButton({ filters }: { filters: ListFilters }) {
  const { t } = useTranslation();
  const active = filters.active.length;
  return (
    <Popover width={520} position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Indicator label={active} size={18} disabled={active === 0}>
          <Button variant="default" leftSection={<IconFilter size={16} />}>
            {t('register.list.filters')}
          </Button>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown aria-label={filters.title}>
        <Stack gap="sm">{filters.fields}</Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * A chip's name wraps instead of ending in «…»: a programme is often named by a whole sentence
 * («Chương trình … giai đoạn 2026–2030 theo Quyết định số …»), whose end tells it from the others.
 */
const wrappingChip = { root: { height: 'auto', maxWidth: '100%', paddingBlock: 4 }, label: { whiteSpace: 'normal', textAlign: 'start' } } as const;

/** The filters in force, each removable on its own, and one button to clear them all. */
function FilterChips({ filters }: { filters: ListFilters }) {
  const { t } = useTranslation();
  if (filters.active.length === 0) return null;
  return (
    <Group gap="xs">
      {filters.active.map((filter) => (
        <Badge
          key={filter.key}
          variant="light"
          tt="none"
          size="lg"
          fw={500}
          styles={wrappingChip}
          rightSection={
            <CloseButton size="xs" aria-label={t('register.list.removeFilter', { filter: filter.label })} onClick={filter.clear} />
          }
        >
          {filter.label}
        </Badge>
      ))}
      <Button variant="subtle" size="compact-sm" onClick={filters.onReset}>
        {t('register.list.reset')}
      </Button>
    </Group>
  );
}
