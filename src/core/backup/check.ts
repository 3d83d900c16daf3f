/**
 * Checking a copy of the database: SQLite's full integrity check, whether it is an HTX Desk file
 * and of which version, and what it holds. On a national-scale file the full check takes seconds,
 * so the running app does it in a worker thread; at start-up (the backup before a migration) the
 * same queries run in place.
 */
import Database from 'better-sqlite3';
import type { BackupCounts } from '../../shared/contracts/backups';
import { runInWorker, startInWorker, type Outcome, type WorkerRun } from '../db/worker';

const queries = {
  integrity: 'PRAGMA integrity_check(20)',
  lastMigration: 'SELECT MAX(created_at) FROM __drizzle_migrations',
  counts:
    'SELECT (SELECT count(*) FROM organizations WHERE deleted_at IS NULL), (SELECT count(*) FROM partners WHERE deleted_at IS NULL), ' +
    '(SELECT count(*) FROM events WHERE deleted_at IS NULL), (SELECT count(*) FROM agreements WHERE deleted_at IS NULL)',
} as const;
const order = Object.keys(queries) as (keyof typeof queries)[];

export interface CopyCheck {
  /** SQLite's findings when the copy is not sound (English, for the log); null when it is. */
  problem: string | null;
  /** The newest migration recorded in it; null when it is not an HTX Desk file. */
  lastMigration: number | null;
  counts: BackupCounts | null;
}

function interpret(outcomes: Outcome[]): CopyCheck {
  const [integrity, lastMigration, counts] = outcomes;
  let problem: string | null;
  if (!integrity || 'error' in integrity) problem = integrity?.error ?? 'not checked';
  else {
    const findings = integrity.rows.map((row) => String(row[0]));
    problem = findings.length === 1 && findings[0] === 'ok' ? null : findings.join('\n');
  }
  const last = lastMigration && 'rows' in lastMigration ? lastMigration.rows[0]?.[0] : null;
  const numbers = counts && 'rows' in counts ? (counts.rows[0] as number[] | undefined) : undefined;
  return {
    problem,
    lastMigration: typeof last === 'number' ? last : null,
    counts: numbers
      ? { organizations: Number(numbers[0]), partners: Number(numbers[1]), events: Number(numbers[2]), agreements: Number(numbers[3]) }
      : null,
  };
}

/** Runs in place: only where the app is not yet answering anyone (while it opens). */
export function checkCopyNow(file: string): CopyCheck {
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const connection = sqlite;
    return interpret(
      order.map((name): Outcome => {
        try {
          return { rows: connection.prepare(queries[name]).raw().all() as unknown[][] };
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error), lastMigration: null, counts: null };
  } finally {
    sqlite?.close();
  }
}

/** The same check in a worker thread, so that the app keeps answering meanwhile. */
export async function checkCopy(file: string): Promise<CopyCheck> {
  return interpret(await runInWorker(file, order.map((name) => queries[name]), { readonly: true }));
}

/**
 * The same check of a file from elsewhere (one chosen with «Mở từ bản sao lưu»), first made a
 * single file as backups are, in the worker too: that file's damage is a finding of the check,
 * never an error of the app's own data file, which would stop its writing (see health.ts).
 */
export async function checkFileFromElsewhere(file: string): Promise<CopyCheck> {
  return interpret(await runInWorker(file, order.map((name) => queries[name]), { readonly: true, singleFile: true }));
}

/**
 * A copy of the running app's database `source` made into `file` with SQLite's online backup, a
 * single file, then checked: all in a worker thread, so that the app answers and goes on with its
 * own work meanwhile. The copy holds what was committed when it began; `check` fails as the copy
 * failed. The worker holds `source` open until `run` says it has closed it.
 */
export function copyAndCheck(source: string, file: string): { check: Promise<CopyCheck>; run: WorkerRun } {
  const run = startInWorker(file, order.map((name) => queries[name]), { readonly: true, copyFrom: source });
  return { check: run.outcomes.then(interpret), run };
}
