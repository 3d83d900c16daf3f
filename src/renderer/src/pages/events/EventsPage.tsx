/**
 * Sự kiện: the trade-promotion events the office organized or took part in, newest first, searched
 * and filtered by the backend, and exported to Excel as shown. What the user chose lasts for the
 * session, so that Back from an event returns to the same list.
 */
import { Anchor, Button, EmptyState, Group, Modal, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useSessionStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconPlus, IconSearch } from '@tabler/icons-react';
import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { eventListColumns, type EventListColumn, type EventListInput, type EventSortKey, type EventSummary } from '../../../../shared/contract';
import { eventKinds, type EventKind } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/format';
import { ExportButton } from '../../components/ExportButton';
import { LabelledSelect } from '../../components/LabelledSelect';
import { LoadError } from '../../components/LoadError';
import { foldFilter } from '../../forms/foldFilter';
import { useAlliance, useProvinces } from '../../queries';
import { useEventList } from '../../queries/events';
import { eventHref } from '../../routing/useHashRoute';
import { EventForm } from './EventForm';

const pageSize = 50;
const searchDelayMs = 200;

/** "15/10/2026" for one day, "15/10/2026 – 16/10/2026" for several. */
export function formatDates({ startsOn, endsOn }: Pick<EventSummary, 'startsOn' | 'endsOn'>): string {
  return startsOn === endsOn ? formatDate(startsOn) : `${formatDate(startsOn)} – ${formatDate(endsOn)}`;
}

interface EventFilters {
  kind: EventKind | null;
  provinceCode: string | null;
  year: number | null;
  when: 'upcoming' | 'past' | null;
}

interface ListState {
  search: string;
  filters: EventFilters;
  sort: DataTableSortStatus<EventSummary>;
  /** The page belongs to the query it was chosen for; a new query starts again at page 1. */
  paging: { key: string; page: number };
}

const initialState: ListState = {
  search: '',
  filters: { kind: null, provinceCode: null, year: null, when: null },
  sort: { columnAccessor: 'startsOn', sortKey: 'startsOn', direction: 'desc' },
  paging: { key: '', page: 1 },
};

/** This year, the next (events are planned ahead) and the ten before. */
const thisYear = new Date().getFullYear();
const years = Array.from({ length: 12 }, (_, index) => String(thisYear + 1 - index));

function filterInput({ kind, provinceCode, year, when }: EventFilters): Partial<EventListInput> {
  return {
    ...(kind ? { kind } : {}),
    ...(provinceCode ? { provinceCode } : {}),
    ...(year ? { year } : {}),
    ...(when ? { when } : {}),
  };
}

export function EventsPage() {
  const { t } = useTranslation();
  // Loaded before any page is shown (see App).
  const allianceName = useAlliance().data?.name ?? '';
  const provinces = useProvinces();
  const [state, setState] = useSessionStorage<ListState>({
    key: 'htx-desk.events.list',
    defaultValue: initialState,
    getInitialValueInEffect: false,
  });
  const { search, filters, sort } = state;
  const [query] = useDebouncedValue(search.trim(), searchDelayMs);
  const sortKey: EventSortKey = sort.columnAccessor === 'title' ? 'title' : 'startsOn';
  const requestKey = JSON.stringify([query, filters, sortKey, sort.direction]);
  const page = state.paging.key === requestKey ? state.paging.page : 1;
  const [adding, addForm] = useDisclosure(false);
  /** What the list asks for besides the page: the export asks for the same. */
  const request: EventListInput = {
    ...(query === '' ? {} : { search: query }),
    ...filterInput(filters),
    sort: { by: sortKey, direction: sort.direction },
  };
  const list = useEventList({ ...request, page, pageSize });
  const filtered = query !== '' || Object.keys(filterInput(filters)).length > 0;
  const update = (patch: Partial<ListState>) => setState((current) => ({ ...current, ...patch }));
  const setFilters = (patch: Partial<EventFilters>) => setState((current) => ({ ...current, filters: { ...current.filters, ...patch } }));

  const created = (event: EventSummary) => {
    addForm.close();
    notifications.show({ color: 'teal', message: t('events.form.created', { title: event.title }) });
    window.location.hash = eventHref(event.id).slice(1);
  };

  const columnDefs: Record<EventListColumn, DataTableColumn<EventSummary>> = {
    dates: {
      accessor: 'startsOn',
      title: t('events.column.dates'),
      sortable: true,
      noWrap: true,
      render: (event) => formatDates(event),
    },
    title: {
      accessor: 'title',
      title: t('events.column.title'),
      sortable: true,
      width: '40%',
      render: ({ id, title, venue }) => (
        <>
          <Anchor size="sm" href={eventHref(id)} c="inherit" underline="hover">
            {title}
          </Anchor>
          {venue && (
            <Text size="xs" c="dimmed">
              {venue}
            </Text>
          )}
        </>
      ),
    },
    kind: { accessor: 'kind', title: t('events.column.kind'), render: ({ kind }) => t(`events.kind.${kind}`) },
    place: {
      accessor: 'provinceName',
      title: t('events.column.place'),
      render: ({ provinceCode, provinceName }) => (provinceCode === null ? t('events.online') : provinceName),
    },
    participants: {
      accessor: 'organizationCount',
      title: t('events.column.participants'),
      noWrap: true,
      render: ({ organizationCount, partnerCount, attendedCount }) => (
        <>
          <Text size="sm">{t('events.counts', { organizations: organizationCount, partners: partnerCount })}</Text>
          {attendedCount > 0 && (
            <Text size="xs" c="dimmed">
              {t('events.attendedCount', { count: attendedCount })}
            </Text>
          )}
        </>
      ),
    },
  };
  // The list has no column chooser: it shows, and exports, every column in the contract's order.
  const columns = eventListColumns.map((column) => columnDefs[column]);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('events.title')}</Title>
          {list.data && <Text c="dimmed">{t('events.total', { count: list.data.total })}</Text>}
        </Stack>
        <Button leftSection={<IconPlus size={18} />} onClick={addForm.open}>
          {t('events.add')}
        </Button>
      </Group>

      <Group align="flex-end" gap="sm">
        <TextInput
          flex={1}
          miw={260}
          aria-label={t('events.searchLabel')}
          placeholder={t('events.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => update({ search: event.currentTarget.value })}
        />
        <LabelledSelect
          label={t('events.filter.kind')}
          placeholder={t('events.filter.allKinds')}
          clearable
          w={230}
          data={eventKinds.map((kind) => ({ value: kind, label: t(`events.kind.${kind}`) }))}
          value={filters.kind}
          onChange={(value) => setFilters({ kind: eventKinds.find((kind) => kind === value) ?? null })}
        />
        <LabelledSelect
          label={t('events.filter.province')}
          placeholder={t('events.filter.allProvinces')}
          clearable
          searchable
          filter={foldFilter}
          w={200}
          data={(provinces.data ?? []).map((province) => ({ value: province.code, label: province.fullName }))}
          value={filters.provinceCode}
          onChange={(provinceCode) => setFilters({ provinceCode })}
        />
        <LabelledSelect
          label={t('events.filter.year')}
          placeholder={t('events.filter.allYears')}
          clearable
          w={110}
          data={years}
          value={filters.year === null ? null : String(filters.year)}
          onChange={(value) => setFilters({ year: value === null ? null : Number(value) })}
        />
        <SegmentedControl
          aria-label={t('events.filter.when')}
          value={filters.when ?? 'all'}
          onChange={(value) => setFilters({ when: value === 'upcoming' || value === 'past' ? value : null })}
          data={[
            { value: 'all', label: t('events.filter.all') },
            { value: 'upcoming', label: t('events.filter.upcoming') },
            { value: 'past', label: t('events.filter.past') },
          ]}
        />
        <ExportButton request={{ list: 'events', input: request, columns: [...eventListColumns] }} />
      </Group>

      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<EventSummary>
          withTableBorder
          striped
          highlightOnHover
          minHeight={list.data?.rows.length ? undefined : 240}
          records={list.data?.rows ?? []}
          fetching={list.isFetching}
          loadingText={t('common.loading')}
          emptyState={
            <EmptyState
              icon={<IconCalendarEvent />}
              title={filtered ? t('events.noMatchTitle') : t('events.emptyTitle')}
              description={filtered ? t('events.noMatchDescription') : t('events.emptyDescription')}
            />
          }
          columns={columns}
          sortStatus={sort}
          onSortStatusChange={(next) => update({ sort: next })}
          onRowClick={({ record }) => (window.location.hash = eventHref(record.id).slice(1))}
          rowStyle={() => ({ cursor: 'pointer' })}
          page={page}
          onPageChange={(next) => update({ paging: { key: requestKey, page: next } })}
          totalRecords={list.data?.total ?? 0}
          recordsPerPage={pageSize}
          paginationText={({ from, to, totalRecords }) => t('events.pagination', { from, to, total: totalRecords })}
          getPaginationControlProps={(control) => ({ 'aria-label': t(`members.pageControl.${control}`) })}
        />
      )}

      <Modal opened={adding} onClose={addForm.close} title={t('events.form.addTitle')} size="lg">
        <EventForm allianceName={allianceName} onSaved={created} onCancel={addForm.close} />
      </Modal>
    </Stack>
  );
}
