/**
 * The register of member organizations: searched, filtered, sorted and paged by the backend, so
 * the page stays quick with thousands of organizations. What the user chose (search, filters, sort,
 * page) lasts for the session, so that Back from an organization returns to the same list.
 */
import { useId } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  EmptyState,
  Input,
  Group,
  Indicator,
  Modal,
  MultiSelect,
  type MultiSelectProps,
  Popover,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  type MantineColor,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useLocalStorage, useSessionStorage } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconColumns, IconFilter, IconPlus, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import {
  classificationFilters,
  type ClassificationFilter,
  type OrganizationListInput,
  type OrganizationSortKey,
} from '../../../shared/contract';
import {
  organizationKinds,
  organizationStatuses,
  type Alliance,
  type Organization,
  type OrganizationKind,
  type OrganizationStatus,
} from '../../../shared/domain';
import { formatDate } from '../../../shared/format';
import { ExportButton } from '../components/ExportButton';
import { LabelledSelect } from '../components/LabelledSelect';
import { LoadError } from '../components/LoadError';
import { OrganizationForm } from '../components/OrganizationForm';
import { foldFilter } from '../forms/foldFilter';
import { useCommunes, useLookups, useOrganizationList } from '../queries';
import { openOrganization, organizationHref } from '../routing/useHashRoute';

const pageSize = 50;
/** Long enough to skip the keystrokes of a word being typed, short enough to feel live. */
const searchDelayMs = 200;

export const statusColors: Record<OrganizationStatus, MantineColor> = {
  active: 'teal',
  suspended: 'yellow',
  dissolving: 'orange',
  dissolved: 'gray',
  bankrupt: 'red',
  reorganized: 'violet',
};

export interface MemberFilters {
  kinds: OrganizationKind[];
  sectorCodes: string[];
  communeCodes: string[];
  statuses: OrganizationStatus[];
  membership: 'member' | 'nonMember' | null;
  classification: ClassificationFilter | null;
  classificationYear: number;
  certificationKind: string | null;
  certificationValid: boolean;
}

/** Classification is asked of a finished year, so the last one is offered first. */
const lastYear = new Date().getFullYear() - 1;
const classificationYears = Array.from({ length: 12 }, (_, index) => String(lastYear + 1 - index));

export const noFilters: MemberFilters = {
  kinds: [],
  sectorCodes: [],
  communeCodes: [],
  statuses: [],
  membership: null,
  classification: null,
  classificationYear: lastYear,
  certificationKind: null,
  certificationValid: false,
};

/** The list's request for these filters: only what is set, so the address of the query is short. */
export function filterInput(filters: MemberFilters): Partial<OrganizationListInput> {
  return {
    ...(filters.kinds.length ? { kinds: filters.kinds } : {}),
    ...(filters.sectorCodes.length ? { sectorCodes: filters.sectorCodes } : {}),
    ...(filters.communeCodes.length ? { communeCodes: filters.communeCodes } : {}),
    ...(filters.statuses.length ? { statuses: filters.statuses } : {}),
    ...(filters.membership ? { membership: filters.membership } : {}),
    ...(filters.classification
      ? { classification: filters.classification, classificationYear: filters.classificationYear }
      : {}),
    ...(filters.certificationKind
      ? { certificationKind: filters.certificationKind, certificationValid: filters.certificationValid }
      : {}),
  };
}

/** Columns the user can show or hide; the name is always shown. */
const optionalColumns = ['kind', 'registrationNo', 'communeName', 'sectorCode', 'foundedOn', 'isMember', 'status'] as const;
type OptionalColumn = (typeof optionalColumns)[number];
const defaultColumns: OptionalColumn[] = ['kind', 'registrationNo', 'communeName', 'sectorCode', 'isMember', 'status'];

/** The column's sort key in the contract; columns without one are not sortable. */
const sortKeys: Partial<Record<'name' | OptionalColumn, OrganizationSortKey>> = {
  name: 'name',
  kind: 'kind',
  registrationNo: 'registrationNo',
  communeName: 'commune',
  foundedOn: 'foundedOn',
  status: 'status',
};

const defaultSort: DataTableSortStatus<Organization> = { columnAccessor: 'name', sortKey: 'name', direction: 'asc' };

interface ListState {
  search: string;
  filters: MemberFilters;
  sort: DataTableSortStatus<Organization>;
  /** The page belongs to the query it was chosen for; a new query starts again at page 1. */
  paging: { key: string; page: number };
}

const initialState: ListState = { search: '', filters: noFilters, sort: defaultSort, paging: { key: '', page: 1 } };

interface MembersPageProps {
  alliance: Alliance;
}

export function MembersPage({ alliance }: MembersPageProps) {
  const { t } = useTranslation();
  const lookups = useLookups();
  const [state, setState] = useSessionStorage<ListState>({
    key: 'htx-desk.members.list',
    defaultValue: initialState,
    getInitialValueInEffect: false,
  });
  const [shown, setShown] = useLocalStorage<OptionalColumn[]>({
    key: 'htx-desk.members.columns',
    defaultValue: defaultColumns,
    getInitialValueInEffect: false,
  });
  const { search, filters, sort } = state;
  const [query] = useDebouncedValue(search.trim(), searchDelayMs);
  const sortKey = sortKeys[sort.columnAccessor as 'name'] ?? 'name';
  const requestKey = JSON.stringify([query, filters, sortKey, sort.direction]);
  const page = state.paging.key === requestKey ? state.paging.page : 1;
  const [adding, addForm] = useDisclosure(false);

  const list = useOrganizationList({
    ...(query === '' ? {} : { query }),
    ...filterInput(filters),
    sort: { by: sortKey, direction: sort.direction },
    page,
    pageSize,
  });
  const filtered = query !== '' || Object.keys(filterInput(filters)).length > 0;

  const update = (patch: Partial<ListState>) => setState((current) => ({ ...current, ...patch }));
  const setFilters = (patch: Partial<MemberFilters>) => setState((current) => ({ ...current, filters: { ...current.filters, ...patch } }));

  const created = (organization: Organization) => {
    addForm.close();
    notifications.show({
      color: 'teal',
      autoClose: 10000,
      message: (
        <Group gap="xs">
          <Text size="sm">{t('register.created.message', { name: organization.name })}</Text>
          <Anchor size="sm" href={organizationHref(organization.id)}>
            {t('register.created.open')}
          </Anchor>
        </Group>
      ),
    });
  };

  const sectorName = (code: string | null) => lookups.data?.sectors.find((sector) => sector.code === code)?.name ?? code ?? '';

  const columnTitles: Record<OptionalColumn, string> = {
    kind: t('members.column.kind'),
    registrationNo: t('members.column.registrationNo'),
    communeName: t('members.column.commune'),
    sectorCode: t('register.list.column.sector'),
    foundedOn: t('register.list.column.foundedOn'),
    isMember: t('register.list.column.isMember'),
    status: t('members.column.status'),
  };

  const optionalColumnDefs: Record<OptionalColumn, DataTableColumn<Organization>> = {
    kind: { accessor: 'kind', noWrap: true, render: ({ kind }) => t(`organization.kindShort.${kind}`) },
    registrationNo: { accessor: 'registrationNo', noWrap: true },
    communeName: { accessor: 'communeName' },
    sectorCode: { accessor: 'sectorCode', render: ({ sectorCode }) => sectorName(sectorCode) },
    foundedOn: { accessor: 'foundedOn', noWrap: true, render: ({ foundedOn }) => formatDate(foundedOn) },
    isMember: { accessor: 'isMember', noWrap: true, render: ({ isMember }) => (isMember ? t('register.yes') : t('register.no')) },
    status: {
      accessor: 'status',
      // Wide enough that the longest status ("Đang hoạt động") is never cut.
      width: 150,
      render: ({ status }) => (
        <Badge variant="light" tt="none" color={statusColors[status]}>
          {t(`organization.status.${status}`)}
        </Badge>
      ),
    },
  };

  const columns: DataTableColumn<Organization>[] = [
    {
      accessor: 'name',
      title: t('members.column.name'),
      sortable: true,
      // The name is what people read; it keeps a fair share however many columns are shown.
      width: '30%',
      render: ({ id, name, shortName }) => (
        <>
          <Anchor size="sm" href={organizationHref(id)} c="inherit" underline="hover">
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
    ...optionalColumns
      .filter((column) => shown.includes(column))
      .map((column) => ({ ...optionalColumnDefs[column], title: columnTitles[column], sortable: sortKeys[column] !== undefined })),
  ];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('members.title')}</Title>
          {list.data && (
            <Text c="dimmed">
              {list.data.totalCapped
                ? t('members.totalCapped', { count: list.data.total })
                : t('members.total', { count: list.data.total })}
            </Text>
          )}
        </Stack>
        <Button leftSection={<IconPlus size={18} />} onClick={addForm.open}>
          {t('members.add')}
        </Button>
      </Group>

      <Group align="flex-end" gap="sm">
        <TextInput
          flex={1}
          miw={280}
          aria-label={t('members.searchLabel')}
          placeholder={t('members.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => update({ search: event.currentTarget.value })}
        />
        <FilterPopover provinceCode={alliance.provinceCode} filters={filters} onChange={setFilters} />
        <ColumnChooser shown={shown} titles={columnTitles} onChange={setShown} />
        <ExportButton
          request={{
            list: 'organizations',
            input: { ...(query === '' ? {} : { query }), ...filterInput(filters), sort: { by: sortKey, direction: sort.direction } },
            columns: optionalColumns.filter((column) => shown.includes(column)),
          }}
        />
      </Group>

      <ActiveFilters
        provinceCode={alliance.provinceCode}
        filters={filters}
        onChange={setFilters}
        onReset={() => update({ filters: noFilters })}
      />

      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <DataTable<Organization>
          withTableBorder
          striped
          highlightOnHover
          minHeight={list.data?.rows.length ? undefined : 240}
          records={list.data?.rows ?? []}
          fetching={list.isFetching}
          loadingText={t('common.loading')}
          emptyState={
            <EmptyState
              icon={<IconUsersGroup />}
              title={filtered ? t('members.noMatchTitle') : t('members.emptyTitle')}
              description={filtered ? t('register.list.noMatchDescription') : t('members.emptyDescription')}
            />
          }
          columns={columns}
          sortStatus={sort}
          onSortStatusChange={(next) => update({ sort: next })}
          onRowClick={({ record }) => openOrganization(record.id)}
          rowStyle={() => ({ cursor: 'pointer' })}
          page={page}
          onPageChange={(next) => update({ paging: { key: requestKey, page: next } })}
          totalRecords={list.data?.total ?? 0}
          recordsPerPage={pageSize}
          paginationText={({ from, to, totalRecords }) => t('members.pagination', { from, to, total: totalRecords })}
          getPaginationControlProps={(control) => ({ 'aria-label': t(`members.pageControl.${control}`) })}
        />
      )}

      <Modal opened={adding} onClose={addForm.close} title={t('organization.form.title')} size="xl">
        <OrganizationForm provinceCode={alliance.provinceCode} onSaved={created} onCancel={addForm.close} />
      </Modal>
    </Stack>
  );
}

/** A MultiSelect named by its text box only, for the same reason as LabelledSelect. */
function LabelledMultiSelect<Value extends string>({ label, ...props }: Omit<MultiSelectProps<Value>, 'label' | 'id'> & { label: string }) {
  const id = useId();
  return (
    <div>
      <Input.Label htmlFor={id}>{label}</Input.Label>
      <MultiSelect<Value> id={id} {...props} />
    </div>
  );
}

/** Selects inside the popover keep their dropdowns inside it, so a pick does not close it. */
const inPopover = { withinPortal: false } as const;

interface FilterProps {
  provinceCode: string;
  filters: MemberFilters;
  onChange: (patch: Partial<MemberFilters>) => void;
}

function FilterPopover({ provinceCode, filters, onChange }: FilterProps) {
  const { t } = useTranslation();
  const lookups = useLookups();
  const communes = useCommunes(provinceCode);
  const active = Object.keys(filterInput(filters)).filter((key) => key !== 'classificationYear' && key !== 'certificationValid').length;

  return (
    <Popover width={520} position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Indicator label={active} size={18} disabled={active === 0}>
          <Button variant="default" leftSection={<IconFilter size={16} />}>
            {t('register.list.filters')}
          </Button>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('register.list.filtersTitle')}>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <LabelledMultiSelect
              label={t('register.list.kinds')}
              placeholder={filters.kinds.length ? undefined : t('register.list.kindsPlaceholder')}
              data={organizationKinds.map((kind) => ({ value: kind, label: t(`organization.kindShort.${kind}`) }))}
              value={filters.kinds}
              onChange={(kinds) => onChange({ kinds })}
              comboboxProps={inPopover}
            />
            <LabelledMultiSelect
              label={t('register.list.statuses')}
              placeholder={filters.statuses.length ? undefined : t('register.list.statusesPlaceholder')}
              data={organizationStatuses.map((status) => ({ value: status, label: t(`organization.status.${status}`) }))}
              value={filters.statuses}
              onChange={(statuses) => onChange({ statuses })}
              comboboxProps={inPopover}
            />
          </SimpleGrid>
          <LabelledMultiSelect
            label={t('register.list.sectors')}
            placeholder={filters.sectorCodes.length ? undefined : t('register.list.sectorsPlaceholder')}
            searchable
            filter={foldFilter}
            data={(['agriculture', 'non_agriculture'] as const).map((group) => ({
              group: t(`register.sectorGroup.${group}`),
              items: (lookups.data?.sectors ?? []).filter((sector) => sector.group === group).map((sector) => ({ value: sector.code, label: sector.name })),
            }))}
            value={filters.sectorCodes}
            onChange={(sectorCodes) => onChange({ sectorCodes })}
            comboboxProps={inPopover}
          />
          <LabelledMultiSelect
            label={t('register.list.communes')}
            placeholder={filters.communeCodes.length ? undefined : t('register.list.communesPlaceholder')}
            nothingFoundMessage={t('organization.form.noCommune')}
            searchable
            filter={foldFilter}
            data={(communes.data ?? []).map((commune) => ({ value: commune.code, label: commune.fullName }))}
            value={filters.communeCodes}
            onChange={(communeCodes) => onChange({ communeCodes })}
            comboboxProps={inPopover}
          />
          <Stack gap={4}>
            <Input.Label component="div">{t('register.list.membership')}</Input.Label>
            <SegmentedControl
              aria-label={t('register.list.membership')}
              fullWidth
              value={filters.membership ?? 'all'}
              onChange={(value) => onChange({ membership: value === 'member' || value === 'nonMember' ? value : null })}
              data={[
                { value: 'all', label: t('register.list.membershipAll') },
                { value: 'member', label: t('register.list.member') },
                { value: 'nonMember', label: t('register.list.nonMember') },
              ]}
            />
          </Stack>
          <SimpleGrid cols={2}>
            <LabelledSelect
              label={t('register.list.classification')}
              placeholder={t('register.list.classificationPlaceholder')}
              clearable
              data={classificationFilters.map((value) => ({ value, label: t(`figures.classification.${value}`) }))}
              value={filters.classification}
              onChange={(value) => onChange({ classification: classificationFilters.find((item) => item === value) ?? null })}
              comboboxProps={inPopover}
            />
            <LabelledSelect
              label={t('register.list.classificationYear')}
              allowDeselect={false}
              data={classificationYears}
              value={String(filters.classificationYear)}
              onChange={(value) => onChange({ classificationYear: Number(value ?? lastYear) })}
              comboboxProps={inPopover}
            />
          </SimpleGrid>
          <LabelledSelect
            label={t('register.list.certification')}
            placeholder={t('register.list.certificationPlaceholder')}
            clearable
            data={(lookups.data?.certificationKinds ?? []).map((kind) => ({ value: kind.code, label: kind.name }))}
            value={filters.certificationKind}
            onChange={(certificationKind) => onChange({ certificationKind })}
            comboboxProps={inPopover}
          />
          <Checkbox
            label={t('register.list.certificationValid')}
            disabled={!filters.certificationKind}
            checked={filters.certificationValid}
            onChange={(event) => onChange({ certificationValid: event.currentTarget.checked })}
          />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The filters in force, each removable on its own, and one button to clear them all. */
function ActiveFilters({ provinceCode, filters, onChange, onReset }: FilterProps & { onReset: () => void }) {
  const { t } = useTranslation();
  const lookups = useLookups();
  const communes = useCommunes(provinceCode);
  const names = (codes: string[], list: { code: string; name?: string; fullName?: string }[] | undefined) =>
    codes.map((code) => {
      const found = list?.find((item) => item.code === code);
      return found?.fullName ?? found?.name ?? code;
    });

  const chips: { key: string; label: string; clear: () => void }[] = [];
  if (filters.kinds.length) {
    chips.push({
      key: 'kinds',
      label: `${t('register.list.kinds')}: ${filters.kinds.map((kind) => t(`organization.kindShort.${kind}`)).join(', ')}`,
      clear: () => onChange({ kinds: [] }),
    });
  }
  if (filters.sectorCodes.length) {
    chips.push({
      key: 'sectors',
      label: `${t('register.list.sectors')}: ${names(filters.sectorCodes, lookups.data?.sectors).join(', ')}`,
      clear: () => onChange({ sectorCodes: [] }),
    });
  }
  if (filters.communeCodes.length) {
    chips.push({
      key: 'communes',
      label: `${t('register.list.communes')}: ${names(filters.communeCodes, communes.data).join(', ')}`,
      clear: () => onChange({ communeCodes: [] }),
    });
  }
  if (filters.statuses.length) {
    chips.push({
      key: 'statuses',
      label: `${t('register.list.statuses')}: ${filters.statuses.map((status) => t(`organization.status.${status}`)).join(', ')}`,
      clear: () => onChange({ statuses: [] }),
    });
  }
  if (filters.membership) {
    chips.push({ key: 'membership', label: t(`register.list.${filters.membership}`), clear: () => onChange({ membership: null }) });
  }
  if (filters.classification) {
    chips.push({
      key: 'classification',
      label: `${t('register.list.classification')} ${filters.classificationYear}: ${t(`figures.classification.${filters.classification}`)}`,
      clear: () => onChange({ classification: null }),
    });
  }
  if (filters.certificationKind) {
    const name = names([filters.certificationKind], lookups.data?.certificationKinds)[0];
    chips.push({
      key: 'certification',
      label: `${t('register.list.certification')}: ${name}${filters.certificationValid ? ` (${t('register.list.certificationValid').toLowerCase()})` : ''}`,
      clear: () => onChange({ certificationKind: null, certificationValid: false }),
    });
  }
  if (chips.length === 0) return null;

  return (
    <Group gap="xs">
      {chips.map((chip) => (
        <Badge
          key={chip.key}
          variant="light"
          tt="none"
          size="lg"
          fw={500}
          rightSection={
            <CloseButton size="xs" aria-label={t('register.list.removeFilter', { filter: chip.label })} onClick={chip.clear} />
          }
        >
          {chip.label}
        </Badge>
      ))}
      <Button variant="subtle" size="compact-sm" onClick={onReset}>
        {t('register.list.reset')}
      </Button>
    </Group>
  );
}

interface ColumnChooserProps {
  shown: OptionalColumn[];
  titles: Record<OptionalColumn, string>;
  onChange: (columns: OptionalColumn[]) => void;
}

function ColumnChooser({ shown, titles, onChange }: ColumnChooserProps) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" shadow="md">
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          {t('register.list.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label={t('register.list.columnsTitle')}
          value={shown}
          onChange={(values) => onChange(optionalColumns.filter((column) => values.includes(column)))}
        >
          <Stack gap="xs" mt="xs">
            <Checkbox label={t('members.column.name')} checked disabled />
            {optionalColumns.map((column) => (
              <Checkbox key={column} value={column} label={titles[column]} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
