/**
 * The register of member organizations: searched, filtered, sorted and paged by the backend, so
 * the page stays quick with thousands of organizations. What the user chose (search, filters, sort,
 * page) lasts for the session, so that Back from an organization returns to the same list.
 */
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Input,
  Popover,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
  type MantineColor,
} from '@mantine/core';
import { useDisclosure, useLocalStorage } from '@mantine/hooks';
import { IconColumns, IconUsersGroup } from '@tabler/icons-react';
import type { DataTableColumn, DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import {
  classificationFilters,
  type ClassificationFilter,
  type LatestFigures,
  type OrganizationListInput,
  type OrganizationListRow,
  type OrganizationSortKey,
  type RegisterColumn,
  registerColumns,
} from '../../../shared/contract';
import {
  organizationKinds,
  organizationStatuses,
  type Alliance,
  type Organization,
  type OrganizationKind,
  type OrganizationStatus,
} from '../../../shared/domain';
import { formatCount, formatDate, formatMoney, formatPlace, unitNameInSentence } from '../../../shared/format';
import { lastYear } from '../clock';
import { LabelledMultiSelect, LabelledSelect } from '../components/LabelledSelect';
import { inFilterPopover, ListTable, listPageSize, notifyAdded, RecordLink, useListState, type ActiveFilter } from '../components/ListTable';
import { OrganizationForm } from '../components/OrganizationForm';
import { useCommunes, useLookups, useOrganizationList } from '../queries';
import { organizationHref } from '../routing/useHashRoute';
import { FormModal } from '../forms/unsavedChanges';

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
  /** In the alliance's province, or based in another. */
  place: 'home' | 'elsewhere' | null;
  classification: ClassificationFilter | null;
  /** Null: the year just ended, as of when the list is asked for (the choices last the session, which may cross New Year). */
  classificationYear: number | null;
  certificationKind: string | null;
  certificationValid: boolean;
}

/** Classification is asked of a finished year, so the last one is offered first. */
function classificationYears(): string[] {
  const latest = lastYear();
  return Array.from({ length: 12 }, (_, index) => String(latest + 1 - index));
}

export const noFilters: MemberFilters = {
  kinds: [],
  sectorCodes: [],
  communeCodes: [],
  statuses: [],
  membership: null,
  place: null,
  classification: null,
  classificationYear: null,
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
    ...(filters.place ? { place: filters.place } : {}),
    ...(filters.classification
      ? { classification: filters.classification, classificationYear: filters.classificationYear ?? lastYear() }
      : {}),
    ...(filters.certificationKind
      ? { certificationKind: filters.certificationKind, certificationValid: filters.certificationValid }
      : {}),
  };
}

/**
 * Columns the user can show or hide, in the order of the list's export (`registerColumns`): the
 * name is always shown, the street only in the export, beside the commune.
 */
type OptionalColumn = Exclude<RegisterColumn, 'name' | 'street'>;
const optionalColumns = registerColumns.filter((column): column is OptionalColumn => column !== 'name' && column !== 'street');
const defaultColumns: OptionalColumn[] = ['kind', 'registrationNo', 'communeName', 'sectorCode', 'isMember', 'status'];

/**
 * The column's sort key in the contract; columns without one are not sortable. The representative,
 * phone and e-mail have no index to sort 100,000 rows by, and the latest figures are found only for
 * the rows of a page (`latestFiguresOf` in the core).
 */
const sortKeys: Partial<Record<'name' | OptionalColumn, OrganizationSortKey>> = {
  name: 'name',
  kind: 'kind',
  registrationNo: 'registrationNo',
  communeName: 'commune',
  foundedOn: 'foundedOn',
  status: 'status',
};

const defaultSort: DataTableSortStatus<OrganizationListRow> = { columnAccessor: 'name', sortKey: 'name', direction: 'asc' };

interface MemberChoices {
  search: string;
  filters: MemberFilters;
  sort: DataTableSortStatus<OrganizationListRow>;
}

const initialChoices: MemberChoices = { search: '', filters: noFilters, sort: defaultSort };

interface MembersPageProps {
  alliance: Alliance;
}

export function MembersPage({ alliance }: MembersPageProps) {
  const { t } = useTranslation();
  const lookups = useLookups();
  const listState = useListState('htx-desk.members.list', initialChoices);
  const { choices, query, update } = listState;
  const { filters, sort } = choices;
  const [shown, setShown] = useLocalStorage<OptionalColumn[]>({
    key: 'htx-desk.members.columns',
    defaultValue: defaultColumns,
    getInitialValueInEffect: false,
  });
  const sortKey = sortKeys[sort.columnAccessor as 'name'] ?? 'name';
  const [adding, addForm] = useDisclosure(false);

  /** What the list asks for besides the page: the export asks for the same. */
  const request: OrganizationListInput = {
    ...(query === '' ? {} : { query }),
    ...filterInput(filters),
    sort: { by: sortKey, direction: sort.direction },
  };
  const list = useOrganizationList({ ...request, page: listState.page, pageSize: listPageSize });
  const filtered = query !== '' || Object.keys(filterInput(filters)).length > 0;
  const setFilters = (patch: Partial<MemberFilters>) => update({ filters: { ...filters, ...patch } });
  const activeFilters = useActiveFilters({ provinceCode: alliance.provinceCode, filters, onChange: setFilters });

  const created = (organization: Organization) => {
    addForm.close();
    notifyAdded(t('register.created.message', { name: organization.name }), organizationHref(organization.id), t('register.created.open'));
  };

  const sectorName = (code: string | null) => lookups.data?.sectors.find((sector) => sector.code === code)?.name ?? code ?? '';

  const columnTitles: Record<OptionalColumn, string> = {
    kind: t('members.column.kind'),
    registrationNo: t('members.column.registrationNo'),
    communeName: t('members.column.commune'),
    sectorCode: t('register.list.column.sector'),
    foundedOn: t('register.list.column.foundedOn'),
    representative: t('register.list.column.representative'),
    phone: t('register.list.column.phone'),
    email: t('register.list.column.email'),
    membersOfficial: t('register.list.column.membersOfficial'),
    revenue: t('register.list.column.revenue'),
    isMember: t('register.list.column.isMember'),
    status: t('members.column.status'),
  };
  /**
   * A figure of the organization's latest year with members or revenue, followed by that year,
   * which differs from one organization to another; nothing when that year has no such figure, or
   * there is no year.
   */
  const latestFigure = (latest: LatestFigures | null, field: 'membersOfficial' | 'revenue', format: (value: number) => string) => {
    const value = latest?.[field];
    if (!latest || value === null || value === undefined) return null;
    return (
      <>
        {format(value)}{' '}
        <Text span size="xs" c="dimmed" title={t('register.list.figuresYear', { year: latest.year })}>
          ({latest.year})
        </Text>
      </>
    );
  };

  const optionalColumnDefs: Record<OptionalColumn, DataTableColumn<OrganizationListRow>> = {
    kind: { accessor: 'kind', noWrap: true, render: ({ kind }) => t(`organization.kindShort.${kind}`) },
    registrationNo: { accessor: 'registrationNo', noWrap: true },
    // A cooperative of another province says which, beside its commune.
    communeName: {
      accessor: 'communeName',
      render: formatPlace,
    },
    sectorCode: { accessor: 'sectorCode', render: ({ sectorCode }) => sectorName(sectorCode) },
    foundedOn: { accessor: 'foundedOn', noWrap: true, render: ({ foundedOn }) => formatDate(foundedOn) },
    representative: { accessor: 'representative' },
    phone: { accessor: 'phone' },
    email: { accessor: 'email' },
    membersOfficial: {
      accessor: 'membersOfficial',
      textAlign: 'right',
      noWrap: true,
      render: ({ latestFigures }) => latestFigure(latestFigures, 'membersOfficial', formatCount),
    },
    revenue: {
      accessor: 'revenue',
      textAlign: 'right',
      noWrap: true,
      render: ({ latestFigures }) => latestFigure(latestFigures, 'revenue', formatMoney),
    },
    isMember: { accessor: 'isMember', noWrap: true, render: ({ isMember }) => (isMember ? t('register.yes') : t('register.no')) },
    status: {
      accessor: 'status',
      // Wide enough that the longest status ("Đang hoạt động") is never cut; pinned (`pinLastColumn`),
      // so that a table wider than the page does not cut it at the edge either.
      width: 150,
      render: ({ status }) => (
        <Badge variant="light" tt="none" color={statusColors[status]}>
          {t(`organization.status.${status}`)}
        </Badge>
      ),
    },
  };

  const columns: DataTableColumn<OrganizationListRow>[] = [
    {
      accessor: 'name',
      title: t('members.column.name'),
      sortable: true,
      // The name is what people read; it keeps a fair share however many columns are shown, and
      // with many of them the table scrolls sideways rather than squeeze it to a few words a line.
      width: '30%',
      titleStyle: { minWidth: 240 },
      // A name found only with a typo forgiven comes after the exact ones, and says so. The name
      // wraps to make room; the badges keep their whole words, which a shrunk badge cut to "Gần …".
      // A row found by its old address says it, as neither its name nor today's commune may.
      render: ({ id, name, shortName, nearMatch, otherProvinceName, matchedOldAddress }) => (
        <Group gap={6} wrap="nowrap" justify="space-between">
          <div style={{ minWidth: 0 }}>
            <RecordLink href={organizationHref(id)} name={name} detail={shortName} />
            {matchedOldAddress ? (
              <Text size="xs" c="dimmed">
                {t('members.matchedOldAddress', { address: matchedOldAddress })}
              </Text>
            ) : null}
          </div>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {otherProvinceName ? (
              <Tooltip label={t('members.elsewhereHint', { province: unitNameInSentence(otherProvinceName) })} multiline maw={320}>
                <Badge size="xs" variant="light" color="orange" tt="none">
                  {t('members.elsewhere')}
                </Badge>
              </Tooltip>
            ) : null}
            {nearMatch ? (
              <Tooltip label={t('members.nearMatchHint')}>
                <Badge size="xs" variant="light" color="gray" tt="none">
                  {t('members.nearMatch')}
                </Badge>
              </Tooltip>
            ) : null}
          </Group>
        </Group>
      ),
    },
    ...optionalColumns
      .filter((column) => shown.includes(column))
      .map((column) => ({ ...optionalColumnDefs[column], title: columnTitles[column], sortable: sortKeys[column] !== undefined })),
  ];

  return (
    <ListTable<OrganizationListRow>
      title={t('members.title')}
      count={(total, capped) => (capped ? t('members.totalCapped', { count: total }) : t('members.total', { count: total }))}
      addLabel={t('members.add')}
      onAdd={addForm.open}
      searchLabel={t('members.searchLabel')}
      searchPlaceholder={t('members.searchPlaceholder')}
      position={listState}
      filters={{
        title: t('register.list.filtersTitle'),
        fields: <FilterFields provinceCode={alliance.provinceCode} filters={filters} onChange={setFilters} />,
        active: activeFilters,
        onReset: () => update({ filters: noFilters }),
      }}
      toolbar={<ColumnChooser shown={shown} titles={columnTitles} onChange={setShown} />}
      exportRequest={{ list: 'organizations', input: request, columns: optionalColumns.filter((column) => shown.includes(column)) }}
      list={list}
      columns={columns}
      // The status is the last column when shown: a row's state stays in view with many columns.
      pinLastColumn={shown.includes('status')}
      sort={{ status: sort, onChange: (next) => update({ sort: next }) }}
      empty={{
        icon: <IconUsersGroup />,
        title: filtered ? t('members.noMatchTitle') : t('members.emptyTitle'),
        description: filtered ? t('register.list.noMatchDescription') : t('members.emptyDescription'),
      }}
      hrefOf={organizationHref}
    >
      <FormModal opened={adding} onClose={addForm.close} title={t('organization.form.title')} size="xl">
        {/* Mounted only while open: a dialog opened again while still closing starts afresh. */}
        {adding && <OrganizationForm provinceCode={alliance.provinceCode} onSaved={created} onCancel={addForm.close} />}
      </FormModal>
    </ListTable>
  );
}

interface FilterProps {
  provinceCode: string;
  filters: MemberFilters;
  onChange: (patch: Partial<MemberFilters>) => void;
}

/** The fields of the members' filter popover. */
function FilterFields({ provinceCode, filters, onChange }: FilterProps) {
  const { t } = useTranslation();
  const lookups = useLookups();
  const communes = useCommunes(provinceCode);

  return (
    <>
      <SimpleGrid cols={2}>
        <LabelledMultiSelect
          label={t('register.list.kinds')}
          placeholder={filters.kinds.length ? undefined : t('register.list.kindsPlaceholder')}
          data={organizationKinds.map((kind) => ({ value: kind, label: t(`organization.kindShort.${kind}`) }))}
          value={filters.kinds}
          onChange={(kinds) => onChange({ kinds })}
          comboboxProps={inFilterPopover}
        />
        <LabelledMultiSelect
          label={t('register.list.statuses')}
          placeholder={filters.statuses.length ? undefined : t('register.list.statusesPlaceholder')}
          data={organizationStatuses.map((status) => ({ value: status, label: t(`organization.status.${status}`) }))}
          value={filters.statuses}
          onChange={(statuses) => onChange({ statuses })}
          comboboxProps={inFilterPopover}
        />
      </SimpleGrid>
      <LabelledMultiSelect
        label={t('register.list.sectors')}
        placeholder={filters.sectorCodes.length ? undefined : t('register.list.sectorsPlaceholder')}
        searchable
        data={(['agriculture', 'non_agriculture'] as const).map((group) => ({
          group: t(`register.sectorGroup.${group}`),
          items: (lookups.data?.sectors ?? []).filter((sector) => sector.group === group).map((sector) => ({ value: sector.code, label: sector.name })),
        }))}
        value={filters.sectorCodes}
        onChange={(sectorCodes) => onChange({ sectorCodes })}
        comboboxProps={inFilterPopover}
      />
      <LabelledMultiSelect
        label={t('register.list.communes')}
        placeholder={filters.communeCodes.length ? undefined : t('register.list.communesPlaceholder')}
        nothingFoundMessage={t('organization.form.noCommune')}
        searchable
        data={(communes.data ?? []).map((commune) => ({ value: commune.code, label: commune.fullName }))}
        value={filters.communeCodes}
        onChange={(communeCodes) => onChange({ communeCodes })}
        comboboxProps={inFilterPopover}
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
      <Stack gap={4}>
        <Input.Label component="div">{t('register.list.place')}</Input.Label>
        <SegmentedControl
          aria-label={t('register.list.place')}
          fullWidth
          value={filters.place ?? 'all'}
          onChange={(value) => onChange({ place: value === 'home' || value === 'elsewhere' ? value : null })}
          data={[
            { value: 'all', label: t('register.list.placeAll') },
            { value: 'home', label: t('register.list.placeHome') },
            { value: 'elsewhere', label: t('register.list.placeElsewhere') },
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
          comboboxProps={inFilterPopover}
        />
        <LabelledSelect
          label={t('register.list.classificationYear')}
          allowDeselect={false}
          data={classificationYears()}
          value={String(filters.classificationYear ?? lastYear())}
          onChange={(value) => onChange({ classificationYear: value === null ? null : Number(value) })}
          comboboxProps={inFilterPopover}
        />
      </SimpleGrid>
      <LabelledSelect
        label={t('register.list.certification')}
        placeholder={t('register.list.certificationPlaceholder')}
        clearable
        data={(lookups.data?.certificationKinds ?? []).map((kind) => ({ value: kind.code, label: kind.name }))}
        value={filters.certificationKind}
        onChange={(certificationKind) => onChange({ certificationKind })}
        comboboxProps={inFilterPopover}
      />
      <Checkbox
        label={t('register.list.certificationValid')}
        disabled={!filters.certificationKind}
        checked={filters.certificationValid}
        onChange={(event) => onChange({ certificationValid: event.currentTarget.checked })}
      />
    </>
  );
}

/** The filters in force, each named with its values, to be removed one by one. */
function useActiveFilters({ provinceCode, filters, onChange }: FilterProps): ActiveFilter[] {
  const { t } = useTranslation();
  const lookups = useLookups();
  const communes = useCommunes(provinceCode);
  const names = (codes: string[], list: { code: string; name?: string; fullName?: string }[] | undefined) =>
    codes.map((code) => {
      const found = list?.find((item) => item.code === code);
      return found?.fullName ?? found?.name ?? code;
    });

  const chips: ActiveFilter[] = [];
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
  if (filters.place) {
    chips.push({ key: 'place', label: t(filters.place === 'home' ? 'register.list.placeHome' : 'register.list.placeElsewhere'), clear: () => onChange({ place: null }) });
  }
  if (filters.classification) {
    chips.push({
      key: 'classification',
      label: `${t('register.list.classification')} ${String(filters.classificationYear ?? lastYear())}: ${t(`figures.classification.${filters.classification}`)}`,
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
  return chips;
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
