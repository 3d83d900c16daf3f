/**
 * What the year grid's cells share beyond their own row, for one year:
 * - the work they hold unsaved — text a cell could not read, a value the backend refused — kept
 *   here rather than in the cell, so that a search, a filter or another page, which take the cell
 *   off the screen, do not lose it: shown again, the cell starts from it. Meanwhile the page holds
 *   unsaved work (leaving it asks first) and says which cells are hidden with it;
 * - what each money cell will save, so that a profit is checked against the revenue beside it as
 *   it will be saved (pasted in the same block, typed a moment ago), not as the grid last read it;
 *   and a pair the person answered «Sửa lại» about: the cells wait, unsent, for one of the two to
 *   be corrected, rather than each asking the same question in turn.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NumberFieldValue } from '../../components/NumberField';
import { useUnsavedChanges } from '../../forms/unsavedChanges';

/** A cell's work not saved. */
export interface HeldCell {
  organizationId: number;
  /** What the cell holds: the text or number typed, or the classification chosen. */
  draft: NumberFieldValue;
  /** Why the backend refused it; a cell's own refusal is worked out again from `draft`. */
  message: string | null;
  /** The cell and what it holds, as the page names it while the cell is hidden. */
  said: string;
}

export type MoneyField = 'revenue' | 'profit';

interface GridWork {
  held: Map<string, HeldCell>;
  /** Called whenever `held` changes. */
  changed: () => void;
  /** By `cellKey`: the figure a money cell will save, once it has one other than the stored. */
  money: Map<string, number | null>;
  /** By organization: the revenue and profit the person said are right though the profit is above. */
  accepted: Map<number, string>;
  /** By organization: the revenue and profit the person answered «Sửa lại» about. */
  declined: Map<number, string>;
  /** By `cellKey`: a money cell waiting for its pair to be corrected, and its saving, run once the other cell saves. */
  waiting: Map<string, () => void>;
}

const GridWorkContext = createContext<GridWork | null>(null);

export function cellKey(organizationId: number, field: string): string {
  return `${String(organizationId)}\n${field}`;
}

function useGridWork(): GridWork {
  const work = useContext(GridWorkContext);
  if (!work) throw new Error('A cell of the year grid is rendered inside its GridWorkProvider.');
  return work;
}

/** The work `key`'s cell left unsaved when it was last on screen, if any: where it starts from. */
export function useHeldWork(key: string): HeldCell | undefined {
  return useGridWork().held.get(key);
}

/** Keeps the calling cell's unsaved work (null once it has none) for as long as the year is shown. */
export function useHoldCell(key: string, cell: HeldCell | null): void {
  const work = useGridWork();
  const unsaved = cell !== null;
  const { organizationId = 0, draft = null, message = null, said = '' } = cell ?? {};
  useEffect(() => {
    const before = work.held.get(key);
    if (!unsaved) {
      if (before && work.held.delete(key)) work.changed();
      return;
    }
    if (before && Object.is(before.draft, draft) && before.message === message && before.said === said) return;
    work.held.set(key, { organizationId, draft, message, said });
    work.changed();
    // Nothing is undone when the cell leaves the screen: that is what the work is kept for.
  }, [work, key, unsaved, organizationId, draft, message, said]);
}

/**
 * A cell of the row's revenue or profit (`field`; null for any other cell, which has no part in
 * it): what it will save, told as it changes, and the row's pair as it will be once saved, for the
 * check of a profit above the revenue.
 */
export function useMoneyCell(organizationId: number, field: MoneyField | null) {
  const work = useGridWork();
  // Off the screen, the cell's value is the stored one again (the grid's row is read afresh).
  useEffect(() => {
    if (!field) return undefined;
    const key = cellKey(organizationId, field);
    return () => {
      work.money.delete(key);
      // Shown again, it starts from its held work and saves when the person says so.
      work.waiting.delete(key);
    };
  }, [work, organizationId, field]);
  const pairKey = (pair: Record<MoneyField, number | null>) => `${String(pair.revenue)}/${String(pair.profit)}`;
  return {
    /** What the cell will save: its value, or the last one it sent while it holds text it cannot read. */
    put(value: number | null): void {
      if (field) work.money.set(cellKey(organizationId, field), value);
    },
    /** The row's revenue and profit with `value` in this cell, each other as its cell will save it, else as `stored`. */
    pairWith(value: number | null, stored: Record<MoneyField, number | null>): Record<MoneyField, number | null> {
      const of = (other: MoneyField) => {
        if (other === field) return value;
        const key = cellKey(organizationId, other);
        return work.money.has(key) ? (work.money.get(key) ?? null) : stored[other];
      };
      return { revenue: of('revenue'), profit: of('profit') };
    },
    /** Whether the person has already said this pair is right: a revenue and a profit pasted together are asked about once. */
    accepted: (pair: Record<MoneyField, number | null>) => work.accepted.get(organizationId) === pairKey(pair),
    accept: (pair: Record<MoneyField, number | null>) => void work.accepted.set(organizationId, pairKey(pair)),
    /**
     * Whether the person answered «Sửa lại» about this pair: the row's money cells then wait
     * rather than ask again as the person leaves one to correct the other (Enter asks again).
     */
    declined: (pair: Record<MoneyField, number | null>) => work.declined.get(organizationId) === pairKey(pair),
    decline: (pair: Record<MoneyField, number | null>) => void work.declined.set(organizationId, pairKey(pair)),
    /** Waits, unsent, until the row's other money cell saves: `save` then runs. */
    wait(save: () => void): void {
      if (field) work.waiting.set(cellKey(organizationId, field), save);
    },
    stopWaiting(): void {
      if (field) work.waiting.delete(cellKey(organizationId, field));
    },
    /** This cell sent its value: the other cell, waiting for the pair to be corrected, tries again. */
    sent(): void {
      if (!field) return;
      const other = cellKey(organizationId, field === 'revenue' ? 'profit' : 'revenue');
      const save = work.waiting.get(other);
      work.waiting.delete(other);
      save?.();
    },
  };
}

/**
 * The cells of one year of the grid (keyed by the year: another year starts afresh, once the
 * person has given up what is held). `shown`: the organizations whose rows are on screen.
 */
export function GridWorkProvider({ shown, children }: { shown: readonly number[]; children: ReactNode }) {
  const { t } = useTranslation();
  const [, setVersion] = useState(0);
  const [work] = useState<GridWork>(() => ({
    held: new Map(),
    changed: () => setVersion((version) => version + 1),
    money: new Map(),
    accepted: new Map(),
    declined: new Map(),
    waiting: new Map(),
  }));
  useUnsavedChanges(work.held.size > 0);
  const hidden = [...work.held.values()].filter((cell) => !shown.includes(cell.organizationId));
  return (
    <Stack gap="xs">
      {hidden.length > 0 && (
        <Alert color="orange">{t('figures.grid.heldHidden', { count: hidden.length, cells: hidden.map((cell) => cell.said).join('; ') })}</Alert>
      )}
      <GridWorkContext value={work}>{children}</GridWorkContext>
    </Stack>
  );
}
