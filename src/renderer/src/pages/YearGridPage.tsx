/**
 * Cập nhật số liệu năm: the way staff bring the yearly figures up to date at the end of the year —
 * one row per organization that existed in the year, each main figure an editable cell that saves
 * itself, last year's value shown faintly beneath.
 */
import { useState } from 'react';
import { Badge, Button, EmptyState, Group, SegmentedControl, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconTable } from '@tabler/icons-react';
import { DataTable } from '../components/DataTable';
import { useTranslation } from 'react-i18next';
import type { FiguresGridRow } from '../../../shared/contract';
import { organizationKinds, type OrganizationKind } from '../../../shared/domain';
import { formatPlace, unitNameInSentence } from '../../../shared/format';
import { lastYear } from '../clock';
import { ColumnTitle } from '../components/ColumnTitle';
import { leaveForms } from '../forms/unsavedChanges';
import { LabelledSelect } from '../components/LabelledSelect';
import { LoadError } from '../components/LoadError';
import { useFiguresGrid } from '../queries/register';
import { hrefOf } from '../routing/useHashRoute';
import { ClassificationCell, NumberCell, gridNumberFields } from './yeargrid/GridCells';
import { PastableGrid } from './yeargrid/gridPaste';
import { GridWorkProvider } from './yeargrid/gridWork';

/** Rows of nine live cells each: fifty took seconds to show on an office laptop, twenty-five do not. */
const pageSize = 25;

type KindFilter = OrganizationKind | 'all';
type PlaceFilter = 'home' | 'elsewhere' | 'all';
const placeFilters: PlaceFilter[] = ['home', 'elsewhere', 'all'];
const placeLabels = { home: 'register.list.placeHome', elsewhere: 'register.list.placeElsewhere', all: 'register.list.placeAll' } as const;

/** Figures are entered for the year just ended, or this one as it goes; a year not begun has none (`figuresYearRefusal`). */
function yearChoices(): number[] {
  const thisYear = lastYear() + 1;
  return Array.from({ length: 16 }, (_, index) => thisYear - index);
}

export function YearGridPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(lastYear);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 200);
  const [kind, setKind] = useState<KindFilter>('all');
  // The province's own first: theirs are the figures its statistics, reports and plans count.
  const [place, setPlace] = useState<PlaceFilter>('home');
  const filterKey = `${year}\n${kind}\n${place}\n${query}`;
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;

  const grid = useFiguresGrid({
    year,
    query: query === '' ? undefined : query,
    kind: kind === 'all' ? undefined : kind,
    place: place === 'all' ? undefined : place,
    page,
    pageSize,
  });
  const rows = grid.data?.rows ?? [];
  // Nothing searched or narrowed (the province's own are the page's default): an empty grid means
  // the register has no organization of the year, and the way on is to add or import some.
  const searched = query !== '' || kind !== 'all' || place !== 'home';

  return (
    <Stack>
      <Stack gap={2}>
        <Title order={2}>{t('figures.grid.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('figures.grid.intro')}
        </Text>
      </Stack>

      <Group align="flex-end">
        <LabelledSelect
          label={t('figures.grid.year')}
          w={96}
          allowDeselect={false}
          data={yearChoices().map(String)}
          value={String(year)}
          // Another year is another set of cells: a value refused and not yet corrected would be lost.
          // A search, a filter or another page only hide it for a while (yeargrid/gridWork.tsx).
          onChange={(value) => value && leaveForms(() => setYear(Number(value)))}
        />
        <LabelledSelect
          label={t('register.list.place')}
          w={128}
          allowDeselect={false}
          data={placeFilters.map((value) => ({ value, label: t(placeLabels[value]) }))}
          value={place}
          onChange={(value) => setPlace(placeFilters.find((candidate) => candidate === value) ?? 'home')}
        />
        <TextInput
          flex={1}
          miw={260}
          label={t('figures.grid.search')}
          placeholder={t('figures.grid.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <SegmentedControl
          aria-label={t('figures.grid.kindFilter')}
          value={kind}
          onChange={(value) => setKind(organizationKinds.find((candidate) => candidate === value) ?? 'all')}
          data={[
            { value: 'all', label: t('members.allKinds') },
            ...organizationKinds.map((value) => ({ value, label: t(`organization.kindShort.${value}`) })),
          ]}
        />
      </Group>

      {grid.isError ? (
        <LoadError error={grid.error} onRetry={() => void grid.refetch()} />
      ) : (
        <GridWorkProvider key={year} shown={rows.map((row) => row.organizationId)}>
          <PastableGrid names={rows.map((row) => row.name)}>
          <DataTable<FiguresGridRow>
            // A new year or page is a new set of cells, each starting from what was saved.
            key={`${filterKey}\n${page}`}
            withTableBorder
            striped
            verticalAlign="top"
            idAccessor="organizationId"
            minHeight={rows.length ? undefined : 240}
            records={rows}
            fetching={grid.isFetching}
            page={page}
            onPageChange={(next) => setPaging({ filterKey, page: next })}
            totalRecords={grid.data?.total ?? 0}
            recordsPerPage={pageSize}
            pinFirstColumn
            // Narrow gutters: the nine columns, each as wide as the values it shows whole
            // (`widestChars`), fit the office laptop's 1366 px without scrolling sideways.
            horizontalSpacing={6}
            emptyState={
              searched ? (
                <EmptyState icon={<IconTable />} title={t('figures.grid.emptyTitle')} description={t('figures.grid.emptyDescription', { year })} />
              ) : (
                <EmptyState icon={<IconTable />} title={t('figures.grid.noneTitle', { year })} description={t('figures.grid.noneDescription')}>
                  <Group justify="center" gap="sm">
                    <Button component="a" href={hrefOf('thanh-vien')} variant="light">
                      {t('figures.grid.openMembers')}
                    </Button>
                    <Button component="a" href={hrefOf('nhap-excel')} variant="default">
                      {t('figures.grid.importList')}
                    </Button>
                  </Group>
                </EmptyState>
              )
            }
            columns={[
              {
                accessor: 'name',
                title: t('figures.grid.organization'),
                width: 150,
                render: (row) => (
                  <>
                    <Text size="sm" fw={500} lh={1.3}>
                      <a href={`#/thanh-vien/${row.organizationId}`} style={{ color: 'inherit', textDecoration: 'none' }}>
                        {row.name}
                      </a>
                    </Text>
                    {row.otherProvinceName ? (
                      <Tooltip label={t('members.elsewhereHint', { province: unitNameInSentence(row.otherProvinceName) })} multiline maw={320}>
                        <Badge size="xs" variant="light" color="orange" tt="none">
                          {t('members.elsewhere')}
                        </Badge>
                      </Tooltip>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {t(`organization.kindShort.${row.kind}`)} · {formatPlace(row)}
                    </Text>
                  </>
                ),
              },
              ...gridNumberFields.filter((field) => field !== 'score').map((field) => ({
                accessor: field,
                title: <ColumnTitle>{t(`figures.grid.column.${field}`)}</ColumnTitle>,
                textAlign: 'right' as const,
                render: (row: FiguresGridRow, index: number) => <NumberCell row={row} rowIndex={index} year={year} field={field} />,
              })),
              {
                accessor: 'classification',
                title: <ColumnTitle>{t('figures.field.classification')}</ColumnTitle>,
                render: (row, index) => <ClassificationCell row={row} rowIndex={index} year={year} />,
              },
              {
                accessor: 'score',
                title: <ColumnTitle>{t('figures.grid.column.score')}</ColumnTitle>,
                textAlign: 'right',
                render: (row, index) => <NumberCell row={row} rowIndex={index} year={year} field="score" />,
              },
            ]}
          />
          </PastableGrid>
        </GridWorkProvider>
      )}
    </Stack>
  );
}
