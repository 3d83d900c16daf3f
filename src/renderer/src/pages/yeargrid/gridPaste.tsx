/**
 * Pasting a block copied from Excel into the year grid, as a spreadsheet takes it: its values go
 * right and down from the cell pasted into, across the grid's editable columns and the rows the
 * page shows, each put into its cell as if typed there (checked, saved, refused at that cell).
 * Values that fall beyond the grid are said, not dropped in silence. The grid's table
 * (mantine-datatable) has no paste of its own; its cells are found by their `data-grid-row` and
 * `data-grid-column`.
 */
import { createContext, useContext, useEffect, useState, type ClipboardEvent, type ReactNode } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

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

/** The grid's table, taking a pasted block into its cells. */
export function PastableGrid({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [fills] = useState(() => new Map<string, CellFill>());
  const [beyond, setBeyond] = useState<string | null>(null);

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
    values.forEach((line, down) =>
      line.forEach((text, across) => {
        const column = columns[firstColumn + across];
        const cell = column === undefined ? null : grid.querySelector<HTMLElement>(`[data-grid-row="${String(firstRow + down)}"][data-grid-column="${column}"]`);
        const fill = cell && column !== undefined ? fills.get(cellKey(firstRow + down, column)) : undefined;
        if (cell && fill) filling.push({ fill, text, cell });
        else outside += 1;
      }),
    );
    setBeyond(outside === 0 ? null : t('figures.grid.pasteBeyond', { count: outside }));
    const saves = filling.map(({ fill, text, cell }) => fill(text, cell));
    // One after another: a value that asks a question (a profit above the revenue) is answered before the next is saved.
    void saves.reduce<Promise<void>>((done, save) => done.then(save), Promise.resolve());
  };

  return (
    <Stack gap="xs">
      {beyond && (
        <Alert color="orange" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setBeyond(null)}>
          {beyond}
        </Alert>
      )}
      <div onPaste={onPaste}>
        <GridFills value={fills}>{children}</GridFills>
      </div>
    </Stack>
  );
}
