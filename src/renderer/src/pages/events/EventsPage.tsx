/**
 * Sự kiện: the trade-promotion events the office organized or took part in, newest first, searched
 * and filtered by the backend, and exported to Excel as shown. What the user chose lasts for the
 * session, so that Back from an event returns to the same list.
 */
import { SegmentedControl, SimpleGrid, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent } from '@tabler/icons-react';
import type { DataTableColumn, DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { eventListColumns, type EventListColumn, type EventListInput, type EventSortKey, type EventSummary } from '../../../../shared/contract';
import type { EventKind } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/format';
import { LabelledSelect } from '../../components/LabelledSelect';
import { inFilterPopover, ListTable, listPageSize, RecordLink, useListState, type ActiveFilter } from '../../components/ListTable';
import { useAlliance, useProvinces } from '../../queries';
import { useEventList, useEventLookups, useEventNames } from '../../queries/events';
import { eventHref } from '../../routing/useHashRoute';
import { EventForm } from './EventForm';
import { ProvinceSelect } from '../../components/ProvinceSelect';
import { FormModal } from '../../forms/unsavedChanges';

/** "15/10/2026" for one day, "15/10/2026 – 16/10/2026" for several; "08:00, 15/10/2026" with a time. */
export function formatDates({ startsOn, startsAt, endsOn }: Pick<EventSummary, 'startsOn' | 'startsAt' | 'endsOn'>): string {
  const start = startsAt ? `${startsAt}, ${formatDate(startsOn)}` : formatDate(startsOn);
  return startsOn === endsOn ? start : `${start} – ${formatDate(endsOn)}`;
}

interface EventFilters {
  kind: EventKind | null;
  provinceCode: string | null;
  year: number | null;
  when: 'upcoming' | 'past' | null;
}

interface EventChoices {
  search: string;
  filters: EventFilters;
  sort: DataTableSortStatus<EventSummary>;
}

const initialChoices: EventChoices = {
  search: '',
  filters: { kind: null, provinceCode: null, year: null, when: null },
  sort: { columnAccessor: 'startsOn', sortKey: 'startsOn', direction: 'desc' },
};

/** This year, the next (events are planned ahead) and the ten before; read from the clock, the app stays open across New Year. */
function yearChoices(): string[] {
  const thisYear = new Date().getFullYear();
  return Array.from({ length: 12 }, (_, index) => String(thisYear + 1 - index));
}

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
  const alliance = useAlliance().data;
  const provinces = useProvinces();
  const listState = useListState('htx-desk.events.list', initialChoices);
  const { choices, query, update } = listState;
  const { filters, sort } = choices;
  const sortKey: EventSortKey = sort.columnAccessor === 'title' ? 'title' : 'startsOn';
  const [adding, addForm] = useDisclosure(false);
  /** What the list asks for besides the page: the export asks for the same. */
  const request: EventListInput = {
    ...(query === '' ? {} : { search: query }),
    ...filterInput(filters),
    sort: { by: sortKey, direction: sort.direction },
  };
  const list = useEventList({ ...request, page: listState.page, pageSize: listPageSize });
  const lookups = useEventLookups();
  const names = useEventNames();
  const filtered = query !== '' || Object.keys(filterInput(filters)).length > 0;
  const setFilters = (patch: Partial<EventFilters>) => update({ filters: { ...filters, ...patch } });
  const provinceName = (code: string) => provinces.data?.find((province) => province.code === code)?.fullName ?? code;

  // Kind, place and year sit behind «Bộ lọc», as on the members list, so that the toolbar keeps to
  // one line; whether an event is past or upcoming stays in the toolbar, one click away.
  const activeFilters: ActiveFilter[] = [
    ...(filters.kind
      ? [{ key: 'kind', label: `${t('events.filter.kind')}: ${names.kind(filters.kind)}`, clear: () => setFilters({ kind: null }) }]
      : []),
    ...(filters.provinceCode
      ? [{ key: 'province', label: `${t('events.filter.province')}: ${provinceName(filters.provinceCode)}`, clear: () => setFilters({ provinceCode: null }) }]
      : []),
    ...(filters.year ? [{ key: 'year', label: `${t('events.filter.year')}: ${String(filters.year)}`, clear: () => setFilters({ year: null }) }] : []),
  ];

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
      render: ({ id, title, venue }) => <RecordLink href={eventHref(id)} name={title} detail={venue} />,
    },
    kind: { accessor: 'kind', title: t('events.column.kind'), render: ({ kind }) => names.kind(kind) },
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
    <ListTable<EventSummary>
      title={t('events.title')}
      count={(total) => t('events.total', { count: total })}
      addLabel={t('events.add')}
      onAdd={addForm.open}
      searchLabel={t('events.searchLabel')}
      searchPlaceholder={t('events.searchPlaceholder')}
      position={listState}
      filters={{
        title: t('events.filter.title'),
        fields: (
          <>
            <LabelledSelect
              label={t('events.filter.kind')}
              placeholder={t('events.filter.allKinds')}
              clearable
              // Retired kinds too: their events are still there to find.
              data={(lookups.data?.kinds ?? []).map((row) => ({ value: row.code, label: row.name }))}
              value={filters.kind}
              onChange={(value) => setFilters({ kind: value || null })}
              comboboxProps={inFilterPopover}
            />
            <SimpleGrid cols={2}>
              <ProvinceSelect
                label={t('events.filter.province')}
                placeholder={t('events.filter.allProvinces')}
                clearable
                value={filters.provinceCode}
                onChange={(provinceCode) => setFilters({ provinceCode })}
                comboboxProps={inFilterPopover}
              />
              <LabelledSelect
                label={t('events.filter.year')}
                placeholder={t('events.filter.allYears')}
                clearable
                data={yearChoices()}
                value={filters.year === null ? null : String(filters.year)}
                onChange={(value) => setFilters({ year: value === null ? null : Number(value) })}
                comboboxProps={inFilterPopover}
              />
            </SimpleGrid>
          </>
        ),
        active: activeFilters,
        onReset: () => setFilters({ kind: null, provinceCode: null, year: null }),
      }}
      toolbar={
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
      }
      exportRequest={{ list: 'events', input: request, columns: [...eventListColumns] }}
      list={list}
      columns={columns}
      sort={{ status: sort, onChange: (next) => update({ sort: next }) }}
      empty={{
        icon: <IconCalendarEvent />,
        title: filtered ? t('events.noMatchTitle') : t('events.emptyTitle'),
        description: filtered ? t('events.noMatchDescription') : t('events.emptyDescription'),
      }}
      hrefOf={eventHref}
    >
      <FormModal opened={adding} onClose={addForm.close} title={t('events.form.addTitle')} size="lg">
        {/* Mounted only while open: a dialog opened again while still closing starts afresh. */}
        {adding && <EventForm host={{ name: alliance?.name ?? '', provinceCode: alliance?.provinceCode ?? null }} onSaved={created} onCancel={addForm.close} />}
      </FormModal>
    </ListTable>
  );
}
