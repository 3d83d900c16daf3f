/**
 * The editable cells of the year grid. Each saves itself on blur or Enter as a one-field patch and
 * shows how that went; Enter moves down the column, as in a spreadsheet, Tab moves across. A number
 * the cell does not take ("-12" members, a score of 150) stays as typed with its message under it,
 * and nothing is saved until it is corrected; it is kept while a search or a filter hides the cell,
 * and leaving the page meanwhile asks first, as a form does (gridWork.tsx). A block pasted from
 * Excel fills the cells as typed (gridPaste.tsx).
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { Loader, NativeSelect, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { profitAboveRevenue, type FiguresGridRow, type YearlyFigures } from '../../../../shared/contract';
import { classifications, type Classification } from '../../../../shared/domain';
import { foldText } from '../../../../shared/text';
import type { NumberRules } from '../../../../shared/typed';
import { messageOf } from '../../api';
import { NumberField, readNumberField, type NumberFieldValue } from '../../components/NumberField';
import { formatCount } from '../organization/figures/numbers';
import { countReading } from '../organization/figures/countReading';
import { bareAmountDoubt, figureAmountReading } from '../organization/figures/amountDoubt';
import { confirmProfitAboveRevenue } from '../organization/figures/profitAboveRevenue';
import { useSaveGridCell } from '../../queries/register';
import { useGridFill, type CellFill } from './gridPaste';
import { cellKey, useHeldWork, useHoldCell, useMoneyCell } from './gridWork';

export const gridNumberFields = ['membersOfficial', 'membersAssociate', 'workers', 'revenue', 'profit', 'averageIncome', 'score'] as const;
export type GridNumberField = (typeof gridNumberFields)[number];
export type GridField = GridNumberField | 'classification';

/** Amounts in đồng: read also as a list writes them («1,5 tỷ», «1,500,000»), as the Excel import does. */
const moneyFields: ReadonlySet<GridNumberField> = new Set(['revenue', 'profit', 'averageIncome']);

/**
 * The widest value each cell shows whole, in characters with their thousands dots: a QTDND's
 * members or workers up to 99.999, revenue up to 99.999.999.999 đồng and a loss down to
 * -9.999.999.999, an income per month up to 99.999.999, a score up to 100 — and no wider, so that
 * the nine columns still fit the office laptop's 1366 px (a larger value scrolls inside its box).
 * A cell narrower than its value had cut «12.500» to «12.5(», which reads as twelve and a half.
 */
const widestChars: Record<GridNumberField, number> = {
  membersOfficial: 6,
  membersAssociate: 6,
  workers: 6,
  revenue: 14,
  profit: 14,
  averageIncome: 10,
  score: 3,
};

/** The room a cell's status icon takes at the right, in px. */
const statusWidth = 22;

/**
 * The width of a box holding `chars` characters: in `ch`, the width of a digit in the box's own
 * font (a dot or a letter is narrower), so it holds them in any font; plus the box's left padding
 * (a third of its height, 10 px at size xs), the status icon's room and the borders.
 */
function boxWidth(chars: number, right = statusWidth): string {
  return `calc(${String(chars)}ch + ${String(10 + right + 4)}px)`;
}

type CellState = { status: 'idle' | 'saving' | 'saved' } | { status: 'error'; message: string };

/** Moves focus to the same column in the next (or previous) row. */
/** The cell of the same column `step` rows from `from`, if the page shows one. */
function cellBelow(from: HTMLElement, step: 1 | -1): HTMLElement | null {
  const row = Number(from.dataset.gridRow);
  const column = from.dataset.gridColumn;
  return document.querySelector<HTMLElement>(`[data-grid-row="${row + step}"][data-grid-column="${column}"]`);
}

function focusCell(next: HTMLElement | null): void {
  next?.focus();
  if (next instanceof HTMLInputElement) next.select();
}

function StatusIcon({ state }: { state: CellState }) {
  const { t } = useTranslation();
  if (state.status === 'saving') return <Loader size={12} aria-label={t('figures.grid.saving')} />;
  if (state.status === 'saved') return <IconCheck size={14} color="var(--mantine-color-teal-6)" aria-label={t('figures.grid.saved')} />;
  if (state.status === 'error')
    return (
      <Tooltip label={state.message} multiline w={260}>
        <IconAlertCircle size={14} color="var(--mantine-color-red-6)" aria-label={state.message} />
      </Tooltip>
    );
  return null;
}

/** `refused`: why the backend refused what the cell holds, when it was last on screen. */
function useCellSave(row: FiguresGridRow, year: number, refused: string | null = null) {
  const save = useSaveGridCell();
  const { t } = useTranslation();
  const [state, setState] = useState<CellState>(refused === null ? { status: 'idle' } : { status: 'error', message: refused });
  const send = (patch: Partial<YearlyFigures>) => {
    setState({ status: 'saving' });
    save.mutate(
      { organizationId: row.organizationId, year, ...patch },
      {
        onSuccess: () => setState({ status: 'saved' }),
        onError: (error) => setState({ status: 'error', message: messageOf(error, t('common.unexpectedError')) }),
      },
    );
  };
  return { state, setState, send };
}

/**
 * Last year's value beneath a filled cell, faint, as the number alone (the page's intro says what
 * faint numbers are; the words "Năm trước:" made every money column too wide for 1366 px). Its
 * title and accessible name say it in full.
 */
function Previous({ value }: { value: string }) {
  const { t } = useTranslation();
  if (!value) return null;
  const said = t('figures.grid.previous', { value });
  return (
    <Text size="xs" c="dimmed" ta="right" lh={1.2} title={said} aria-label={said} style={{ whiteSpace: 'nowrap' }}>
      {value}
    </Text>
  );
}

interface CellProps {
  row: FiguresGridRow;
  rowIndex: number;
  year: number;
}

/** What a cell holds, as the page names it while the cell is hidden: «Doanh thu – HTX … («1.2.3»)». */
function useSaid(field: GridField, row: FiguresGridRow, typed: string): string {
  const { t } = useTranslation();
  const cell = t('figures.grid.cellLabel', { field: t(`figures.field.${field}`), name: row.name });
  return typed === '' ? cell : t('figures.grid.heldCell', { cell, typed });
}

export function NumberCell({ row, rowIndex, year, field }: CellProps & { field: GridNumberField }) {
  const { t } = useTranslation();
  const saved = row.figures?.[field] ?? null;
  const key = cellKey(row.organizationId, field);
  const held = useHeldWork(key);
  const [draft, setDraft] = useState<NumberFieldValue>(held ? held.draft : saved);
  const { state, setState, send } = useCellSave(row, year, held?.message);
  // Text the cell cannot read, or a value the backend refused: work not saved, kept while the cell is hidden.
  const said = useSaid(field, row, typeof draft === 'number' ? formatCount(draft) : (draft ?? ''));
  const unsaved = typeof draft === 'string' || state.status === 'error';
  useHoldCell(key, unsaved ? { organizationId: row.organizationId, draft, message: state.status === 'error' ? state.message : null, said } : null);
  const money = useMoneyCell(row.organizationId, field === 'revenue' || field === 'profit' ? field : null);
  const rules: NumberRules = { min: field === 'profit' ? null : 0, max: field === 'score' ? 100 : undefined };
  const writtenAmounts = moneyFields.has(field) ? figureAmountReading(field) : false;
  const readCount = countReading(t, field);
  const doubtBare = bareAmountDoubt(t, field);
  // What a pasted amount written as a list writes it («1,5 tỷ») was taken as; typed, the field says it.
  const [pastedAs, setPastedAs] = useState<string | null>(null);
  const previous = row.previous?.[field] ?? null;
  // Enter saves and moves on, and moving on blurs: the value sent last is not sent twice.
  const lastSent = useRef<number | null>(saved);
  // While the person is asked about the value, leaving the cell again does not ask twice.
  const asking = useRef(false);

  /** The cell's value; for the row's revenue or profit, also what the cell will save. */
  const put = (value: NumberFieldValue) => {
    setDraft(value);
    money.put(typeof value === 'string' ? lastSent.current : value);
    // Corrected by hand: saved when the person ends it, not when the other cell saves.
    money.stopWaiting();
  };

  /** Not sent: the pair was answered «Sửa lại». Said at the cell (held as unsaved work), sent once the other cell saves. */
  const waitForPair = (value: number | null, input: HTMLElement) => {
    setState({ status: 'error', message: t('figures.profitAboveRevenue.waiting') });
    money.wait(() => void commit(value, input, null));
  };

  /**
   * `onwards`: where the person goes from the cell, for the focus once a question is answered «Vẫn
   * lưu». `asked`: the person ended the number (Enter), so a pair answered «Sửa lại» is asked again;
   * leaving the cell to correct the other does not ask.
   */
  const commit = async (value: NumberFieldValue, input: HTMLElement, onwards: HTMLElement | null, asked = false) => {
    // Text the cell could not take is not sent; the cell says why.
    if (typeof value === 'string') return;
    if (value === lastSent.current || asking.current) return;
    // A revenue or a profit that puts the profit above the year's revenue is sent once the person
    // says it is right: checked against the other as its cell will save it (pasted beside this one).
    if (field === 'revenue' || field === 'profit') {
      const pair = money.pairWith(value, { revenue: row.figures?.revenue ?? null, profit: row.figures?.profit ?? null });
      if (profitAboveRevenue(pair) && !money.accepted(pair)) {
        if (money.declined(pair) && !asked) {
          waitForPair(value, input);
          return;
        }
        asking.current = true;
        const accepted = await confirmProfitAboveRevenue({ year, ...pair }, input, onwards);
        asking.current = false;
        if (!accepted) {
          money.decline(pair);
          waitForPair(value, input);
          return;
        }
        money.accept(pair);
      }
    }
    lastSent.current = value;
    send({ [field]: value });
    money.sent();
  };
  const fill: CellFill = (text, cell) => {
    const read = readNumberField(text, rules, writtenAmounts, readCount, doubtBare);
    put(read.value);
    setPastedAs(read.said ?? (read.readAsAmount === undefined ? null : t('fields.number.readAsAmount', { typed: text.trim(), amount: read.readAsAmount })));
    return () => commit(read.value, cell, null);
  };
  useGridFill(rowIndex, field, fill);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const next = cellBelow(event.currentTarget, event.shiftKey ? -1 : 1);
      void commit(draft, event.currentTarget, next, true);
      focusCell(next);
    } else if (event.key === 'Escape') {
      put(saved);
    }
  };

  return (
    <Stack gap={2}>
      <NumberField
        size="xs"
        aria-label={t('figures.grid.cellLabel', { field: t(`figures.field.${field}`), name: row.name })}
        data-grid-row={rowIndex}
        data-grid-column={field}
        {...rules}
        writtenAmounts={writtenAmounts}
        readWithUnit={readCount}
        doubtBare={doubtBare}
        placeholder={previous === null ? undefined : formatCount(previous)}
        value={draft}
        onChange={(value) => {
          put(value);
          setPastedAs(null);
        }}
        onBlur={(event) => void commit(draft, event.currentTarget, event.relatedTarget instanceof HTMLElement ? event.relatedTarget : null)}
        description={pastedAs ?? undefined}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        onKeyDown={onKeyDown}
        error={state.status === 'error' ? state.message : undefined}
        rightSection={<StatusIcon state={state} />}
        rightSectionWidth={statusWidth}
        rightSectionPointerEvents="auto"
        styles={{ input: { textAlign: 'right', width: boxWidth(widestChars[field]) }, error: { maxWidth: 220 }, description: { maxWidth: 220 } }}
      />
      {/* An empty cell shows last year's value as its placeholder; a filled one beneath. */}
      {saved !== null && <Previous value={formatCount(previous)} />}
    </Stack>
  );
}

export function ClassificationCell({ row, rowIndex, year }: CellProps) {
  const { t } = useTranslation();
  const saved = row.figures?.classification ?? null;
  const key = cellKey(row.organizationId, 'classification');
  const held = useHeldWork(key);
  const [value, setValue] = useState<string | null>(held ? classifications.find((option) => option === held.draft) ?? null : saved);
  const { state, setState, send } = useCellSave(row, year, held?.message);
  const previous = row.previous?.classification;
  // Compared with what was sent last, not with the row as read: chosen and taken back before the
  // grid is read again, the choice is still undone.
  const lastSent = useRef<string | null>(saved);
  const labelOf = (option: Classification) => t(`figures.classification.${option}`);
  // A choice the backend refused, or a pasted name that is no classification (said in the message).
  const chosen = classifications.find((option) => option === value);
  const said = useSaid('classification', row, chosen ? labelOf(chosen) : '');
  useHoldCell(key, state.status === 'error' ? { organizationId: row.organizationId, draft: value, message: state.message, said } : null);
  const choose = (next: Classification | null) => {
    setValue(next);
    if (next === lastSent.current) return;
    lastSent.current = next;
    send({ classification: next });
  };
  // Pasted, a classification is its name as the grid shows it («Khá», «kha»), or blank for none.
  const fill: CellFill = (text) => () => {
    const pasted = foldText(text);
    const named = classifications.find((option) => foldText(labelOf(option)) === pasted || option === pasted);
    if (named || pasted === '' || pasted === foldText(t('figures.classification.unclassified'))) choose(named ?? null);
    else setState({ status: 'error', message: t('figures.grid.notClassification', { text: text.trim(), choices: classifications.map(labelOf).join(', ') }) });
    return Promise.resolve();
  };
  useGridFill(rowIndex, 'classification', fill);
  return (
    <Stack gap={2}>
      {/* The browser's own select: a page of Mantine Selects, each measuring its floating
          dropdown as it mounted, kept the grid from showing for seconds. */}
      <NativeSelect
        size="xs"
        // «Chưa xếp loại», the longest choice (13 letters, narrower than digits), beside the arrow
        // or the status icon (the box's height wide).
        styles={{ input: { width: boxWidth(12, 30) } }}
        aria-label={t('figures.grid.cellLabel', { field: t('figures.field.classification'), name: row.name })}
        data-grid-row={rowIndex}
        data-grid-column="classification"
        data={[{ value: '', label: t('figures.classification.unclassified') }, ...classifications.map((option) => ({ value: option, label: labelOf(option) }))]}
        value={value ?? ''}
        onChange={(event) => choose(classifications.find((option) => option === event.currentTarget.value) ?? null)}
        error={state.status === 'error'}
        rightSection={state.status === 'idle' ? undefined : <StatusIcon state={state} />}
      />
      {state.status === 'error' && (
        <Text size="xs" c="red" maw={220} lh={1.2}>
          {state.message}
        </Text>
      )}
      <Previous value={previous ? t(`figures.classification.${previous}`) : ''} />
    </Stack>
  );
}
