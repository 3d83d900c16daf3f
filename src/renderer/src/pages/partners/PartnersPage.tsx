/**
 * Đối tác: the enterprises, markets, online channels, carriers, other alliances and agencies the
 * office works with, searched, filtered, sorted and paged by the backend, and exported to Excel as
 * shown. What the user chose lasts for the session, so that Back from a partner returns to the same
 * list.
 */
import { Anchor, Button, EmptyState, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useSessionStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuildingStore, IconPlus, IconSearch } from '@tabler/icons-react';
import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { partnerListColumns, type PartnerListColumn, type PartnerListInput, type PartnerSortKey, type PartnerSummary } from '../../../../shared/contract';
import { partnerKinds, type PartnerKind } from '../../../../shared/domain';
import { ExportButton } from '../../components/ExportButton';
import { LabelledSelect } from '../../components/LabelledSelect';
import { LoadError } from '../../components/LoadError';
import { foldFilter } from '../../forms/foldFilter';
import { useAlliance, useProvinces } from '../../queries';
import { usePartnerList } from '../../queries/partners';
import { partnerHref } from '../../routing/useHashRoute';
import { PartnerForm } from './PartnerForm';

const pageSize = 50;
/** Long enough to skip the keystrokes of a word being typed, short enough to feel live. */
const searchDelayMs = 200;

/** The column's sort key in the contract; columns without one are not sortable. */
const sortKeys: Partial<Record<string, PartnerSortKey>> = {
  name: 'name',
  kind: 'kind',
  provinceName: 'province',
};

const defaultSort: DataTableSortStatus<PartnerSummary> = { columnAccessor: 'name', direction: 'asc' };

interface ListState {
  search: string;
  kind: PartnerKind | null;
  provinceCode: string | null;
  sort: DataTableSortStatus<PartnerSummary>;
  /** The page belongs to the query it was chosen for; a new query starts again at page 1. */
  paging: { key: string; page: number };
}

const initialState: ListState = { search: '', kind: null, provinceCode: null, sort: defaultSort, paging: { key: '', page: 1 } };

function openPartner(id: number): void {
  window.location.hash = partnerHref(id).slice(1);
}

export function PartnersPage() {
  const { t } = useTranslation();
  const provinces = useProvinces();
  const alliance = useAlliance();
  const [state, setState] = useSessionStorage<ListState>({
    key: 'htx-desk.partners.list',
    defaultValue: initialState,
    getInitialValueInEffect: false,
  });
  const { search, kind, provinceCode, sort } = state;
  const [query] = useDebouncedValue(search.trim(), searchDelayMs);
  const sortKey = sortKeys[sort.columnAccessor] ?? 'name';
  const requestKey = JSON.stringify([query, kind, provinceCode, sortKey, sort.direction]);
  const page = state.paging.key === requestKey ? state.paging.page : 1;
  const [adding, addForm] = useDisclosure(false);

  /** What the list asks for besides the page: the export asks for the same. */
  const request: PartnerListInput = {
    ...(query === '' ? {} : { search: query }),
    ...(kind ? { kind } : {}),
    ...(provinceCode ? { provinceCode } : {}),
    sort: { by: sortKey, direction: sort.direction },
  };
  const list = usePartnerList({ ...request, page, pageSize });
  const filtered = query !== '' || kind !== null || provinceCode !== null;

  const update = (patch: Partial<ListState>) => setState((current) => ({ ...current, ...patch }));

  const created = (partner: PartnerSummary) => {
    addForm.close();
    notifications.show({
      color: 'teal',
      autoClose: 10000,
      message: (
        <Group gap="xs">
          <Text size="sm">{t('partners.created', { name: partner.name })}</Text>
          <Anchor size="sm" href={partnerHref(partner.id)}>
            {t('register.created.open')}
          </Anchor>
        </Group>
      ),
    });
  };

  const columnDefs: Record<PartnerListColumn, DataTableColumn<PartnerSummary>> = {
    name: {
      accessor: 'name',
      title: t('partners.column.name'),
      sortable: true,
      width: '28%',
      render: ({ id, name, shortName }) => (
        <>
          <Anchor size="sm" href={partnerHref(id)} c="inherit" underline="hover">
            {name}
          </Anchor>
          {shortName && (
            <Text size="xs" c="dimmed">
              {shortName}
            </Text>
          )}
        </>
      ),
    },
    kind: {
      accessor: 'kind',
      title: t('partners.column.kind'),
      sortable: true,
      render: ({ kind: rowKind, businessLine }) => (
        <>
          <Text size="sm">{t(`partners.kind.${rowKind}`)}</Text>
          {businessLine && (
            <Text size="xs" c="dimmed">
              {t(`partners.businessLine.${businessLine}`)}
            </Text>
          )}
        </>
      ),
    },
    province: { accessor: 'provinceName', title: t('partners.column.province'), sortable: true },
    contact: { accessor: 'contactName', title: t('partners.column.contact') },
    phone: { accessor: 'phone', title: t('partners.column.phone'), noWrap: true },
    buys: {
      accessor: 'buys',
      title: t('partners.column.buys'),
      width: '24%',
      render: ({ buys }) => (
        <Text size="sm" lineClamp={2}>
          {buys}
        </Text>
      ),
    },
  };
  // The list has no column chooser: it shows, and exports, every column in the contract's order.
  const columns = partnerListColumns.map((column) => columnDefs[column]);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('partners.title')}</Title>
          {list.data && <Text c="dimmed">{t('partners.total', { count: list.data.total })}</Text>}
        </Stack>
        <Button leftSection={<IconPlus size={18} />} onClick={addForm.open}>
          {t('partners.add')}
        </Button>
      </Group>

      <Group align="flex-end" gap="sm">
        <TextInput
          flex={1}
          miw={280}
          aria-label={t('partners.searchLabel')}
          placeholder={t('partners.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => update({ search: event.currentTarget.value })}
        />
        <LabelledSelect
          label={t('partners.kindFilter')}
          placeholder={t('partners.kindAll')}
          clearable
          w={230}
          data={partnerKinds.map((value) => ({ value, label: t(`partners.kind.${value}`) }))}
          value={kind}
          onChange={(value) => update({ kind: partnerKinds.find((item) => item === value) ?? null })}
        />
        <LabelledSelect
          label={t('partners.provinceFilter')}
          placeholder={t('partners.provinceAll')}
          nothingFoundMessage={t('partners.noProvince')}
          clearable
          searchable
          filter={foldFilter}
          w={230}
          data={(provinces.data ?? []).map((province) => ({ value: province.code, label: province.fullName }))}
          value={provinceCode}
          onChange={(value) => update({ provinceCode: value })}
        />
        <ExportButton request={{ list: 'partners', input: request, columns: [...partnerListColumns] }} />
      </Group>

      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<PartnerSummary>
          withTableBorder
          striped
          highlightOnHover
          minHeight={list.data?.rows.length ? undefined : 240}
          records={list.data?.rows ?? []}
          fetching={list.isFetching}
          loadingText={t('common.loading')}
          emptyState={
            <EmptyState
              icon={<IconBuildingStore />}
              title={filtered ? t('partners.noMatchTitle') : t('partners.emptyTitle')}
              description={filtered ? t('partners.noMatchDescription') : t('partners.emptyDescription')}
            />
          }
          columns={columns}
          sortStatus={sort}
          onSortStatusChange={(next) => update({ sort: next })}
          onRowClick={({ record }) => openPartner(record.id)}
          rowStyle={() => ({ cursor: 'pointer' })}
          page={page}
          onPageChange={(next) => update({ paging: { key: requestKey, page: next } })}
          totalRecords={list.data?.total ?? 0}
          recordsPerPage={pageSize}
          paginationText={({ from, to, totalRecords }) => t('members.pagination', { from, to, total: totalRecords })}
          getPaginationControlProps={(control) => ({ 'aria-label': t(`members.pageControl.${control}`) })}
        />
      )}

      <Modal opened={adding} onClose={addForm.close} title={t('partners.form.title')} size="xl">
        <PartnerForm defaultProvinceCode={alliance.data?.provinceCode} onSaved={created} onCancel={addForm.close} />
      </Modal>
    </Stack>
  );
}
