/**
 * Pasting a block copied from Excel into the year grid, as a spreadsheet takes it: its values go
 * right and down from the cell pasted into, across the grid's editable columns and the rows the
 * page shows, each put into its cell as if typed there (checked, saved, refused at that cell).
 * Values that fall beyond the grid are said, not dropped in silence. A block whose first column
 * names the organizations (copied from a list with its names, in its own order, with a total row)
 * goes by those names instead: each row into the row of the organization it names, whatever the
 * order, from the column pasted into; a row naming none on the page (the total row, one on
 * another page) is said and not filled, rather than put into whichever row its place meets and
 * its values one column to the right. The grid's table
 * (mantine-datatable) has no paste of its own; its cells are found by their `data-grid-row` and
 * `data-grid-column`.
 */
import { createContext, useContext, useEffect, useState, type ClipboardEvent, type ReactNode } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { organizationKindOfName, organizationNameKey } from '../../../../shared/names';

/**
 * Puts a pasted value into one cell as if typed there, and gives back its saving, done once the
 * cell has saved it or said why not. Each is saved once every value of the block is in, so that a
 * value checked against another (a profit against the revenue) meets the one pasted beside it.
 */
export type CellFill = (text: string, cell: HTMLElement) => () => Promise<void>;

const GridFills = createContext<Map<string, CellFill> | null>(null);

function cellKey(row: number | string, column: string): string {
  return `${String(row)}\n${column}`;
}

/** Lets a cell of the grid take pasted values: `fill` is called with each one that lands in it. */
export function useGridFill(row: number, column: string, fill: CellFill): void {
  const fills = useContext(GridFills);
  useEffect(() => {
    if (!fills) return undefined;
    const key = cellKey(row, column);
    fills.set(key, fill);
    return () => {
      if (fills.get(key) === fill) fills.delete(key);
    };
  }, [fills, row, column, fill]);
}

/**
 * The values of a block copied from a spreadsheet, by row and column: Excel and LibreOffice put a
 * tab between cells and a line break after each row (the last one too).
 */
export function pastedValues(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.split('\t'));
}

/**
 * Where each line of a pasted block goes when its first column names organizations: the page's
 * row of the one it names (by `organizationNameKey`, so «Hợp tác xã Nông nghiệp Mỹ Hiệp» is «HTX
 * Nông nghiệp Mỹ Hiệp»), or null when it names none on the page or two of one name. Null for the
 * whole block when its first column holds values, not names: the block then goes by position.
 * A block is named when a line names an organization of the page, or every first cell is the name
 * of one (it says its kind: «HTX …», «Tổ hợp tác …»), as the rows of another page are; a first
 * column of other words («Xuất sắc» under Xếp loại) is pasted as values.
 */
export function namedLines(values: readonly (readonly string[])[], names: readonly string[]): (number | null)[] | null {
  const rowsOf = new Map<string, number[]>();
  names.forEach((name, row) => {
    const key = organizationNameKey(name);
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), row]);
  });
  const firsts = values.map((line) => (line[0] ?? '').trim());
  const rows = firsts.map((first) => {
    const found = first === '' ? undefined : rowsOf.get(organizationNameKey(first));
    return found?.length === 1 ? (found[0] ?? null) : null;
  });
  const named = rows.some((row) => row !== null) || firsts.filter((first) => first !== '').every((first) => organizationKindOfName(first) !== undefined);
  return named && firsts.some((first) => first !== '') ? rows : null;
}

/** The grid's table, taking a pasted block into its cells. `names`: the organization of each row shown, by its index. */
export function PastableGrid({ names, children }: { names: readonly string[]; children: ReactNode }) {
  const { t } = useTranslation();
  const [fills] = useState(() => new Map<string, CellFill>());
  const [said, setSaid] = useState<string[]>([]);

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const from = event.target;
    if (!(from instanceof HTMLElement) || from.dataset.gridRow === undefined || from.dataset.gridColumn === undefined) return;
    const values = pastedValues(event.clipboardData.getData('text/plain'));
    // One value goes into the cell as the browser pastes it: the person may be pasting into what the cell holds.
    if (values.length === 1 && values[0]?.length === 1) return;
    event.preventDefault();
    const grid = event.currentTarget;
    const firstRow = Number(from.dataset.gridRow);
    // The editable columns in the order the grid shows them.
    const columns = [...grid.querySelectorAll<HTMLElement>(`[data-grid-row="${String(firstRow)}"]`)].map((cell) => cell.dataset.gridColumn ?? '');
    const firstColumn = columns.indexOf(from.dataset.gridColumn);
    const filling: { fill: CellFill; text: string; cell: HTMLElement }[] = [];
    let outside = 0;
    // Named lines go to the rows they name, without their names; others down from the row pasted into.
    const named = namedLines(values, names);
    const unmatched: string[] = [];
    values.forEach((whole, down) => {
      const row = named ? named[down] : firstRow + down;
      const line = named ? whole.slice(1) : whole;
      if (row === null || row === undefined) {
        if (line.some((text) => text.trim() !== '')) unmatched.push((whole[0] ?? '').trim());
        return;
      }
      line.forEach((text, across) => {
        const column = columns[firstColumn + across];
        const cell = column === undefined ? null : grid.querySelector<HTMLElement>(`[data-grid-row="${String(row)}"][data-grid-column="${column}"]`);
        const fill = cell && column !== undefined ? fills.get(cellKey(row, column)) : undefined;
        if (cell && fill) filling.push({ fill, text, cell });
        else outside += 1;
      });
    });
    const filledLines = named ? named.filter((row) => row !== null).length : 0;
    setSaid([
      ...(named && filledLines > 0 ? [t('figures.grid.pasteByName', { count: filledLines })] : []),
      ...(unmatched.length > 0
        ? [t('figures.grid.pasteUnmatched', { count: unmatched.length, names: unmatched.map((name) => (name === '' ? t('figures.grid.pasteNoName') : `«${name}»`)).join(', ') })]
        : []),
      ...(outside === 0 ? [] : [t('figures.grid.pasteBeyond', { count: outside })]),
    ]);
    const saves = filling.map(({ fill, text, cell }) => fill(text, cell));
    // One after another: a value that asks a question (a profit above the revenue) is answered before the next is saved.
    void saves.reduce<Promise<void>>((done, save) => done.then(save), Promise.resolve());
  };

  return (
    <Stack gap="xs">
      {said.length > 0 && (
        <Alert color="orange" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setSaid([])}>
          {said.map((sentence) => (
            <div key={sentence}>{sentence}</div>
          ))}
        </Alert>
      )}
      <div onPaste={onPaste}>
        <GridFills value={fills}>{children}</GridFills>
      </div>
    </Stack>
  );
}
