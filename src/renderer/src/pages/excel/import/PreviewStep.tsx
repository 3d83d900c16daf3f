/**
 * Step 4: every row with its problems (at their cells), its match, and what will be done with it.
 * The person decides per row or in bulk; of a row's own choice and the bulk one, the later wins.
 */
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { type DataTableColumn } from 'mantine-datatable';
import { DataTable } from '../../../components/DataTable';
import { useTranslation } from 'react-i18next';
import {
  chosenImportAction,
  importActions,
  previewFilters,
  type ImportAction,
  type ImportChanges,
  type ImportMatch,
  type ImportPreview,
  type ImportPreviewRow,
  type ImportProblem,
  type InputOf,
  type PreviewFilter,
} from '../../../../../shared/contract';
import { unitNameInSentence } from '../../../../../shared/format';
import { LoadError } from '../../../components/LoadError';
import { changeLines } from '../../../components/RecordHistory';
import { useCommunes } from '../../../queries';
import { usePreview, useWaitingForPlaces } from '../../../queries/imports';
import { HeaderUnits } from './HeaderUnits';

const pageSize = 50;

export interface RowDecision {
  action?: ImportAction;
  /** When `action` was chosen, counted with `Decisions.bulkTurns`. */
  actionTurn?: number;
  communeCode?: string;
}

type BulkGroup = 'matched' | 'fresh';

export interface Decisions {
  rows: Record<number, RowDecision>;
  bulk: Partial<Record<BulkGroup, ImportAction>>;
  /**
   * When each bulk choice was made, counted with the rows' `actionTurn`: one made after a row's own
   * choice replaces it on every page, though only the rows of the page shown are known here.
   */
  bulkTurns?: Partial<Record<BulkGroup, number>>;
  /** The commune chosen for an address (`ImportPreviewRow.placeKey`): every row with it goes there. */
  places: Record<string, string>;
}

/** The communes chosen for addresses, as the commit takes them and rows checked again are matched in. */
export function placeAnswersOf(decisions: Decisions): { placeKey: string; communeCode: string }[] {
  return Object.entries(decisions.places).map(([placeKey, communeCode]) => ({ placeKey, communeCode }));
}

/** The choices as the commit takes them, and as it is asked beforehand which rows still wait for a commune. */
export function commitChoices(previewJobId: string, decisions: Decisions): InputOf<'imports:commit'> {
  return {
    previewJobId,
    decisions: Object.entries(decisions.rows).map(([row, decision]) => ({ row: Number(row), ...decision })),
    bulk: decisions.bulk,
    bulkTurns: decisions.bulkTurns ?? {},
    placeAnswers: placeAnswersOf(decisions),
  };
}

/** The bulk choices, each pressed while it is the one made for its group. */
const bulkChoices = [
  { group: 'matched', action: 'update', label: 'matchedUpdate' },
  { group: 'matched', action: 'skip', label: 'matchedSkip' },
  { group: 'fresh', action: 'create', label: 'freshCreate' },
  { group: 'fresh', action: 'skip', label: 'freshSkip' },
] as const;

interface PreviewStepProps {
  jobId: string;
  decisions: Decisions;
  onDecisionsChange: (decisions: Decisions) => void;
}

/** The turn of the next choice: after every choice made so far. */
function nextTurn(decisions: Decisions): number {
  const turns = [...Object.values(decisions.bulkTurns ?? {}), ...Object.values(decisions.rows).map((decision) => decision.actionTurn ?? 0)];
  return Math.max(0, ...turns) + 1;
}

/**
 * What will happen to a row, by the rule the commit writes it by: the later of its own choice and the
 * bulk choice for its group, else the default. A row whose commune is still to choose is not
 * written, so it reads «Bỏ qua» until one is chosen.
 */
export function actionOf(row: ImportPreviewRow, decisions: Decisions): ImportAction {
  if (row.status === 'invalid') return 'skip';
  const asksForPlace = row.communeChoices.length > 0 || row.needsPlace;
  if (asksForPlace && (decisions.rows[row.row]?.communeCode ?? (row.placeKey ? decisions.places[row.placeKey] : undefined)) === undefined) return 'skip';
  return chosenImportAction(row, decisions.rows[row.row], { bulk: decisions.bulk, bulkTurns: decisions.bulkTurns }, row.defaultAction);
}

/**
 * The colours of what the preview says of its rows, by one rule: red only for what refuses a row (a
 * problem, at its cell); amber for what asks for a look or a decision about a row that is written as
 * it stands unless the person says otherwise (a note to heed, a match that may be another record),
 * of a hue never taken for the red of a refusal; grey for how a cell was read.
 */
const tones = { refused: 'red', heed: 'yellow.9', read: 'dimmed' } as const;

/** One thing the preview says of a row, at its cell, in the colour of what it is (`tones`). */
function SaidAtCell({ said, tone }: { said: ImportProblem; tone: keyof typeof tones }) {
  return (
    <Text size="xs" c={tones[tone]} fw={tone === 'heed' ? 500 : undefined}>
      {said.cell}: {said.message}
    </Text>
  );
}

function MatchBadge({ match }: { match: ImportMatch }) {
  const { t } = useTranslation();
  const text =
    match.reason === 'inFile'
      ? t('excel.import.matchReason.inFile', { row: match.row ?? '', name: match.name })
      : match.reason === 'sameName'
        ? // «cùng xã Mỹ Đức»: the unit's name inside a sentence; the others show it in brackets, as a label.
          t('excel.import.matchReason.sameName', { name: match.name, place: unitNameInSentence(match.place) })
        : t(`excel.import.matchReason.${match.reason}`, { name: match.name, place: match.place });
  return (
    // Text, not a badge: a badge cuts a long name short. A match that may be another record is the person's to confirm.
    <Text size="xs" fw={600} c={match.reason === 'sameName' || match.reason === 'inFile' || match.doubtful ? tones.heed : 'blue.8'}>
      {text}
    </Text>
  );
}

/** The lines of an update's changes shown before the rest are folded away. */
const changesShown = 3;

/**
 * What Cập nhật would change of the stored record, each field as Lịch sử thay đổi writes it
 * («Ngày thành lập: 05/06/2010 → 12/12/2012»): a long list is folded after the first few, one
 * more line is shown rather than folded.
 */
function UpdateChanges({ changes }: { changes: ImportChanges }) {
  const { t } = useTranslation();
  const [unfolded, setUnfolded] = useState(false);
  if (changes.fields.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('excel.import.changes.none')}
      </Text>
    );
  }
  const lines = changes.fields.flatMap((change) => changeLines(t, changes.record, change, changes.names));
  const foldable = lines.length > changesShown + 1;
  const shown = foldable && !unfolded ? lines.slice(0, changesShown) : lines;
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600}>
        {t('excel.import.changes.title')}
      </Text>
      {shown.map((line, index) => (
        <Text key={index} size="xs">
          {line}
        </Text>
      ))}
      {foldable ? (
        <Anchor component="button" type="button" size="xs" ta="left" onClick={() => setUnfolded(!unfolded)}>
          {unfolded ? t('excel.import.changes.fewer') : t('excel.import.changes.more', { count: lines.length - changesShown })}
        </Anchor>
      ) : null}
    </Stack>
  );
}

/**
 * The commune of a row the person is asked about: one of those an old address went to, or, for a
 * place the app could not read, any commune of the row's province (another province's for a
 * cooperative the list places there).
 */
function PlaceChoice({ record, value, onChoose }: { record: ImportPreviewRow; value: string | null; onChoose: (communeCode: string) => void }) {
  const { t } = useTranslation();
  const communes = useCommunes(record.needsPlace ? (record.placeProvinceCode ?? '') : '');
  return (
    <Select
      size="xs"
      searchable
      aria-label={`${t('excel.import.communeChoice')} ${String(record.row)}`}
      placeholder={t('excel.import.communeChoicePlaceholder')}
      // Said above the field, where it wraps: a placeholder this long was cut short in the column.
      description={[record.placeReason ?? t(record.needsPlace ? 'excel.import.placeUnread' : 'excel.import.placeDivided'), record.placeKey ? t('excel.import.placeAppliesToAll') : '']
        .filter(Boolean)
        .join(' ')}
      allowDeselect={false}
      data={
        record.needsPlace
          ? (communes.data ?? []).map((commune) => ({ value: commune.code, label: commune.fullName }))
          : record.communeChoices.map((place) => ({ value: place.code, label: place.name }))
      }
      value={value}
      onChange={(chosen) => {
        if (chosen) onChoose(chosen);
      }}
    />
  );
}

export function PreviewStep({ jobId, decisions, onDecisionsChange }: PreviewStepProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<PreviewFilter>('all');
  const [page, setPage] = useState(1);
  const choices = commitChoices(jobId, decisions);
  // With the communes chosen so far, so that a «Cập nhật» lists its move as soon as one is chosen.
  const chosenCommunes = choices.decisions.flatMap(({ row, communeCode }) => (communeCode === undefined ? [] : [{ row, communeCode }]));
  const preview = usePreview({ jobId, filter, page, pageSize, placeAnswers: choices.placeAnswers, decisions: chosenCommunes });
  const waiting = useWaitingForPlaces(choices).data?.count ?? 0;

  if (preview.error) return <LoadError error={preview.error} onRetry={() => void preview.refetch()} />;
  const data = preview.data;

  const decide = (row: number, change: RowDecision) =>
    onDecisionsChange({ ...decisions, rows: { ...decisions.rows, [row]: { ...decisions.rows[row], ...change } } });
  /** One answer for an address serves every row that writes it. */
  const choosePlace = (record: ImportPreviewRow, communeCode: string) =>
    record.placeKey ? onDecisionsChange({ ...decisions, places: { ...decisions.places, [record.placeKey]: communeCode } }) : decide(record.row, { communeCode });
  const chosenPlace = (record: ImportPreviewRow) => decisions.rows[record.row]?.communeCode ?? (record.placeKey ? decisions.places[record.placeKey] : undefined) ?? null;
  /** A bulk choice replaces the rows' own choices made before it, on every page: they stay, with turns before its (`chosenImportAction`). */
  const bulk = (group: BulkGroup, action: ImportAction) =>
    onDecisionsChange({ ...decisions, bulk: { ...decisions.bulk, [group]: action }, bulkTurns: { ...decisions.bulkTurns, [group]: nextTurn(decisions) } });

  const valueColumn = (column: ImportPreview['columns'][number], index: number): DataTableColumn<ImportPreviewRow> => ({
    accessor: `value${String(index)}`,
    title: t(`excel.import.field.${data?.kind ?? 'organizations'}.${column.field}` as 'excel.import.field.organizations.name'),
    render: (record) => <Text size="sm">{record.values[index]}</Text>,
    ...(index === 0 ? { pinned: 'left' as const, width: 220 } : {}),
  });

  // A wide sheet scrolls sideways, and its verdict never does: the row number and the first mapped
  // column (in the office's sheets, the name) stay at the left, so that each cell can be told whose
  // it is, with the row's problems and match beside them; what will be done with the row stays at
  // the right. At 1366 px all of that is in view before any scrolling.
  const columns: DataTableColumn<ImportPreviewRow>[] = [
    { accessor: 'row', title: t('excel.import.rowNumber'), width: 64, pinned: 'left' },
    ...(data?.columns ?? []).slice(0, 1).map((column) => valueColumn(column, 0)),
    {
      accessor: 'problems',
      title: t('excel.import.problems'),
      width: 260,
      render: (record) =>
        record.problems.length || record.notes.length ? (
          <Stack gap={2}>
            {record.problems.map((problem) => (
              <SaidAtCell key={`${problem.cell}${problem.message}`} said={problem} tone="refused" />
            ))}
            {/* A note never refuses the row, even beside a problem: one that asks for a decision stands out, without looking refused. */}
            {record.notes.map((note) => (
              <SaidAtCell key={`${note.cell}${note.message}`} said={note} tone={note.heed ? 'heed' : 'read'} />
            ))}
          </Stack>
        ) : null,
    },
    {
      accessor: 'match',
      title: t('excel.import.match'),
      // Wide enough for an update's change («Ngày thành lập: 05/06/2010 → 12/12/2012») on one line at 1366 px.
      width: 260,
      render: (record) => (
        <Stack gap={4}>
          {record.match ? <MatchBadge match={record.match} /> : null}
          {record.changes ? <UpdateChanges changes={record.changes} /> : null}
          {record.status === 'valid' && (record.communeChoices.length || record.needsPlace) ? (
            <PlaceChoice record={record} value={chosenPlace(record)} onChoose={(value) => choosePlace(record, value)} />
          ) : record.commune ? (
            <Text size="xs" c="dimmed">
              {record.commune.name}
              {record.placeRemembered ? ` — ${t('excel.import.placeRemembered')}` : ''}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    ...(data?.columns ?? []).slice(1).map((column, index) => valueColumn(column, index + 1)),
    {
      accessor: 'action',
      title: t('excel.import.action'),
      width: 150,
      pinned: 'right',
      render: (record) =>
        record.status === 'invalid' ? (
          <Text size="sm" c="dimmed">
            {t('excel.import.actions.skip')}
          </Text>
        ) : (
          <Select
            size="xs"
            aria-label={`${t('excel.import.action')} ${String(record.row)}`}
            allowDeselect={false}
            data={importActions
              .filter((action) => action !== 'update' || record.match !== null)
              .map((action) => ({ value: action, label: t(`excel.import.actions.${action}`) }))}
            value={actionOf(record, decisions)}
            onChange={(value) => {
              if (value) decide(record.row, { action: value, actionTurn: nextTurn(decisions) });
            }}
          />
        ),
    },
  ];

  const counts = data?.counts;
  return (
    <Stack>
      {counts ? (
        <Group gap="xs">
          <Badge variant="default">{t('excel.import.counts.rows', { count: counts.rows })}</Badge>
          <Badge color="teal">{t('excel.import.counts.valid', { count: counts.valid })}</Badge>
          <Badge color="red">{t('excel.import.counts.invalid', { count: counts.invalid })}</Badge>
          <Badge color="blue">{t('excel.import.counts.matched', { count: counts.matched })}</Badge>
          <Badge color="gray">{t('excel.import.counts.fresh', { count: counts.fresh })}</Badge>
          {counts.ambiguous ? <Badge color="orange">{t('excel.import.counts.ambiguous', { count: counts.ambiguous })}</Badge> : null}
          {counts.unplaced ? <Badge color="orange">{t('excel.import.counts.unplaced', { count: counts.unplaced })}</Badge> : null}
          {counts.noted ? <Badge color="yellow">{t('excel.import.counts.noted', { count: counts.noted })}</Badge> : null}
        </Group>
      ) : null}
      {data?.legacyFontsRead.length ? (
        <Alert color="blue" icon={<IconInfoCircle />} title={t('excel.import.legacyFontsRead.previewTitle')}>
          {t('excel.import.legacyFontsRead.previewBody', {
            fonts: data.legacyFontsRead.map(({ font, rows: count }) => t('excel.import.legacyFontsRead.fontRows', { font, count })).join('; '),
          })}
        </Alert>
      ) : null}
      {data ? <HeaderUnits columns={data.columns} /> : null}
      {/* A products list without a group column has each group read from the product's name (the core's `productGroupOfName`): said once here, not on every row. */}
      {data?.kind === 'products' && !data.columns.some((column) => column.field === 'productGroup') ? (
        <Alert color="blue" icon={<IconInfoCircle />} title={t('excel.import.groupFromName.title')}>
          {t('excel.import.groupFromName.body')}
        </Alert>
      ) : null}
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
          data={previewFilters.map((value) => ({ value, label: t(`excel.import.filters.${value}`) }))}
        />
        <Group gap="xs">
          <Text size="sm">{t('excel.import.bulk.label')}</Text>
          {/* Nothing looks chosen before the person chooses: until then each row does what its own column says. */}
          {bulkChoices.map(({ group, action, label }) => {
            const chosen = decisions.bulk[group] === action;
            return (
              <Button
                key={label}
                size="xs"
                variant={chosen ? 'light' : 'default'}
                color={action === 'skip' ? 'gray' : undefined}
                leftSection={chosen ? <IconCheck size={14} /> : undefined}
                aria-pressed={chosen}
                onClick={() => bulk(group, action)}
              >
                {t(`excel.import.bulk.${label}`)}
              </Button>
            );
          })}
        </Group>
      </Group>
      {/* A bulk «Thêm mới» or «Cập nhật» does not write a row whose commune is still to choose: said, so that the choice and the rows agree. */}
      {waiting ? (
        <Text size="sm" c={tones.heed}>
          {t('excel.import.bulk.waiting', { count: waiting })}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('excel.import.neverBlank')}
        {/* A price is one thing in two cells: the file's replaces the stored one whole. */}
        {data?.kind === 'offers' || data?.kind === 'demands' ? ` ${t('excel.import.priceWhole')}` : ''}
      </Text>
      <DataTable<ImportPreviewRow>
        withTableBorder
        // Not striped: a stripe would cover the tint that marks a row with problems.
        minHeight={data?.page.rows.length ? undefined : 200}
        records={data?.page.rows ?? []}
        idAccessor="row"
        fetching={preview.isFetching}
        noRecordsText={t('excel.import.noRowsInFilter')}
        columns={columns}
        rowBackgroundColor={(record) => (record.status === 'invalid' ? { light: '#fff5f5', dark: '#3b1219' } : undefined)}
        page={page}
        onPageChange={setPage}
        totalRecords={data?.page.total ?? 0}
        recordsPerPage={pageSize}
      />
    </Stack>
  );
}
