/**
 * Backups of a data file, kept in a folder beside it (`htx-desk.sqlite` → `htx-desk-sao-luu/`).
 * Each backup is a folder of its own, named after its time and reason:
 *
 *   2026-11-23_15-00-00_tu-dong/
 *     du-lieu.sqlite    the database, copied with SQLite's online backup (or VACUUM INTO at start-up)
 *     tep/              the attached files of the data folder (`htx-desk-tep/`, without its staging area)
 *     thong-tin.json    when, why, what it holds, and SQLite's full integrity check of the copy
 *
 * A backup is written under a hidden draft name and renamed into place only once checked, so a
 * folder with a name of that shape is always whole. Attached files that have not changed since
 * the previous backup are hard links to that backup's copy, so forty backups of a folder of scans
 * take the room of one. Automatic backups follow changes, at most one per interval (15 minutes),
 * and `rotation.ts` decides which to keep.
 */
import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { backupReasons, type BackupInfo, type BackupReason } from '../../shared/contracts/backups';
import { AppFailure } from '../../shared/errors';
import type { Context } from '../context';
import type { JobControl } from '../jobs';
import { DamageFound, damagedMessage, databaseFailure, markDamaged, requireWritable } from '../db/health';
import { changeMark, openDatabase, type OpenedDatabase } from '../db/open';
import { checkCopy, checkCopyNow, copyAndCheck, type CopyCheck } from './check';
import { backupsToRemove, datedAhead, newestFirst, newestSound, type Kept } from './rotation';

export const BACKUP_DATABASE = 'du-lieu.sqlite';

/** The longest closing the app waits for a backup's copy and check still running (seconds at national scale). */
const COPY_WAIT_MS = 30_000;

const noop = () => undefined;
export const BACKUP_FILES = 'tep';
export const MANIFEST = 'thong-tin.json';
/** The data folder's own area for uploads and exports in progress: never backed up. */
const STAGING = 'staging';
const DRAFT_PREFIX = '.dang-ghi-';

/** The reason as the folder name says it, for whoever looks into the folder. */
const reasonSlugs: Record<BackupReason, string> = {
  auto: 'tu-dong',
  manual: 'thu-cong',
  beforeImport: 'truoc-nhap-excel',
  beforeUndo: 'truoc-hoan-tac',
  beforeMigration: 'truoc-cap-nhat',
  beforeRestore: 'truoc-khoi-phuc',
  export: 'xuat-du-lieu',
  fromFile: 'mo-tu-tep',
};

/** `htx-desk.sqlite` → `htx-desk-sao-luu/` beside it. */
export function backupsDirOf(databaseFile: string): string {
  return join(dirname(databaseFile), `${basename(databaseFile, extname(databaseFile))}-sao-luu`);
}

const counts = z.object({ organizations: z.number(), partners: z.number(), events: z.number(), agreements: z.number() });

export const manifestSchema = z.object({
  format: z.literal(1),
  /** The moment the data is of. */
  takenAt: z.iso.datetime(),
  /** When it entered this folder (for a file opened from elsewhere, later than takenAt): what rotation goes by. */
  storedAt: z.iso.datetime(),
  reason: z.enum(backupReasons),
  appVersion: z.string(),
  /** The newest migration recorded in the copy: a copy newer than the app cannot be restored. */
  lastMigration: z.number().nullable(),
  databaseBytes: z.number(),
  attachments: z.number(),
  attachmentBytes: z.number(),
  counts: counts.nullable(),
  /** SQLite's findings when the full check failed; null for a sound copy. */
  problem: z.string().nullable(),
  /** sha256 of each file by its path in the backup: written into an exported archive, checked when it is opened. */
  checksums: z.record(z.string(), z.string()).optional(),
  /**
   * A file opened with «Mở từ bản sao lưu» and not restored (yet): out of the list and of rotation,
   * it joins the office's backups only once restored, and is removed when the person declines.
   */
  awaitingRestore: z.literal(true).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export interface StoredBackup {
  id: string;
  dir: string;
  manifest: Manifest;
}

/** The dates and soundness of a backup, as the rules of `rotation.ts` read them. */
function keptOf({ id, manifest }: StoredBackup): Kept {
  return { id, takenAt: new Date(manifest.takenAt), storedAt: new Date(manifest.storedAt), sound: manifest.problem === null };
}

/** A backup as the window sees it, `now` being the office's clock. */
export function infoOf(backup: StoredBackup, now: Date): BackupInfo {
  const { id, manifest } = backup;
  return {
    id,
    takenAt: manifest.takenAt,
    reason: manifest.reason,
    size: manifest.databaseBytes + manifest.attachmentBytes,
    counts: manifest.counts,
    attachments: manifest.attachments,
    sound: manifest.problem === null,
    datedAhead: datedAhead(keptOf(backup), now),
  };
}

function localStamp(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}_` +
    `${pad(date.getHours())}-${pad(date.getMinutes())}-${pad(date.getSeconds())}`
  );
}

/**
 * Copies a folder of attached files, leaving out the staging area and links (only the app's own
 * files are backed up, never what a link points to). A file that `previous` holds unchanged (same
 * size and time) becomes a hard link to it; every copy keeps its original's time for that test.
 */
export function copyFiles(from: string, to: string, previous: string | null): { files: number; bytes: number } {
  const total = { files: 0, bytes: 0 };
  // Present even when empty: every backup has the same shape.
  mkdirSync(to, { recursive: true });
  const walk = (relative: string) => {
    const source = join(from, relative);
    if (!existsSync(source)) return;
    mkdirSync(join(to, relative), { recursive: true });
    for (const entry of readdirSync(source, { withFileTypes: true })) {
      const path = join(relative, entry.name);
      if (relative === '' && entry.name === STAGING) continue;
      if (entry.isDirectory()) walk(path);
      if (!entry.isFile()) continue;
      const stats = lstatSync(join(from, path));
      const target = join(to, path);
      const earlier = previous === null ? null : join(previous, path);
      const same =
        earlier !== null &&
        existsSync(earlier) &&
        statSync(earlier).size === stats.size &&
        Math.floor(statSync(earlier).mtimeMs) === Math.floor(stats.mtimeMs);
      let linked = false;
      if (same) {
        try {
          linkSync(earlier, target);
          linked = true;
        } catch {
          // A disk without hard links: copied instead.
        }
      }
      if (!linked) {
        copyFileSync(join(from, path), target);
        utimesSync(target, stats.atime, stats.mtime);
      }
      total.files += 1;
      total.bytes += stats.size;
    }
  };
  walk('');
  return total;
}

/** Removes the attached files of the data folder, all but its staging area. */
export function clearFiles(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  for (const name of readdirSync(dataDir)) {
    if (name !== STAGING) rmSync(join(dataDir, name), { recursive: true, force: true });
  }
}

/**
 * The copy keeps the source's journal mode; a copy in WAL mode could not be opened read-only
 * without side files appearing beside it. Backups are single files in rollback-journal mode.
 */
export function asSingleFile(file: string): void {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = DELETE');
  } finally {
    sqlite.close();
  }
}

export interface BackupPlace {
  databaseFile: string;
  dataDir: string;
  migrationsFolder: string;
  appVersion: string;
}

export interface AutoBackupOptions {
  /** At most one automatic backup per this long (default 15 minutes), measured on the app's clock. */
  intervalMs?: number;
  /** How often to look for changes (default every minute). */
  checkMs?: number;
}

const DEFAULT_INTERVAL_MS = 15 * 60 * 1000;
const DEFAULT_CHECK_MS = 60 * 1000;

interface Draft {
  takenAt: Date;
  storedAt: Date;
  reason: BackupReason;
}

export class Backups {
  readonly dir: string;
  readonly intervalMs: number;
  private readonly checkMs: number;
  /** Why the last automatic backup failed; null once one succeeds. */
  autoFailure: string | null = null;
  /** Backups, restores and archive reads run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private timer: NodeJS.Timeout | null = null;
  private lastMark: string | null = null;
  private lastAttempt: Date | null = null;

  constructor(
    readonly place: BackupPlace,
    options: AutoBackupOptions = {},
    private readonly log: (error: unknown) => void = console.error,
  ) {
    this.dir = backupsDirOf(place.databaseFile);
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.checkMs = options.checkMs ?? Math.min(DEFAULT_CHECK_MS, Math.max(100, Math.floor(this.intervalMs / 4)));
  }

  /** Opens the data file with the backup before migrations in place: at start, and after a restore. */
  openDataFile(clock: () => Date, readOnly = false): OpenedDatabase {
    return openDatabase({
      file: this.place.databaseFile,
      migrationsFolder: this.place.migrationsFolder,
      readOnly,
      backupBeforeMigration: (sqlite) => join(this.takeNow(sqlite, clock()).dir, BACKUP_DATABASE),
    });
  }

  /**
   * Every whole backup of the office, newest first as of `now` (those dated ahead of it last, see
   * `rotation.ts`). A folder that is not one (a draft, anything put there by hand) is passed over,
   * and so is a file opened but not restored (`awaitingRestore`).
   */
  list(now: Date): StoredBackup[] {
    return newestFirst(
      this.stored().filter((backup) => backup.manifest.awaitingRestore !== true),
      now,
      keptOf,
    );
  }

  private stored(): StoredBackup[] {
    if (!existsSync(this.dir)) return [];
    const found: StoredBackup[] = [];
    for (const id of readdirSync(this.dir)) {
      if (id.startsWith('.')) continue;
      const dir = join(this.dir, id);
      try {
        const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')));
        found.push({ id, dir, manifest });
      } catch {
        // Not a backup this app wrote; left alone.
      }
    }
    return found;
  }

  find(id: string): StoredBackup | null {
    return this.stored().find((backup) => backup.id === id && backup.manifest.awaitingRestore !== true) ?? null;
  }

  /** A file opened with «Mở từ bản sao lưu», checked and waiting for the person to restore it. */
  findOpened(id: string): StoredBackup | null {
    return this.stored().find((backup) => backup.id === id && backup.manifest.awaitingRestore === true) ?? null;
  }

  /** The opened file, once restored, becomes one of the office's backups: the one that holds the data now in use. */
  keepOpened(opened: StoredBackup, now: Date): StoredBackup {
    const { awaitingRestore: _restored, ...manifest } = opened.manifest;
    const kept = { ...manifest, storedAt: now.toISOString() };
    writeFileSync(join(opened.dir, MANIFEST), `${JSON.stringify(kept, null, 2)}\n`);
    return { ...opened, manifest: kept };
  }

  /** The backup a damaged file's banner offers: never one dated ahead of `now`. */
  latestSound(now: Date): StoredBackup | null {
    return newestSound(this.list(now), now, keptOf) ?? null;
  }

  /** Runs `work` when no other backup, restore or archive read is under way. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const run = this.queue.then(work, work).finally(() => (this.pending -= 1));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Drafts left by an app that stopped halfway (a crash, a power cut), and files opened but never
   * restored (the window closed while it asked). Only the lock's holder calls this.
   */
  removeDrafts(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith(DRAFT_PREFIX)) rmSync(join(this.dir, name), { recursive: true, force: true });
    }
    for (const opened of this.stored()) if (opened.manifest.awaitingRestore === true) rmSync(opened.dir, { recursive: true, force: true });
  }

  /**
   * Copies taken before a migration by earlier versions lie beside the data file
   * (`htx-desk.sqlite.truoc-cap-nhat-2026-11-23T01-02-03-004Z.sqlite`) and were never removed: each
   * becomes a backup (without attached files, which were not kept with it), checked like any, and
   * rotation decides from then on. Only the lock's holder calls this.
   */
  adoptOldCopies(ctx: Context): Promise<void> {
    const folder = dirname(this.place.databaseFile);
    const prefix = `${basename(this.place.databaseFile)}.truoc-cap-nhat-`;
    const stamp = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;
    const found = existsSync(folder) ? readdirSync(folder).filter((name) => name.startsWith(prefix) && stamp.test(name.slice(prefix.length))) : [];
    if (found.length === 0) return Promise.resolve();
    return this.exclusive(async () => {
      for (const name of found) {
        const [, day, hours, minutes, seconds, millis] = stamp.exec(name.slice(prefix.length)) ?? [];
        const takenAt = new Date(`${day ?? ''}T${hours ?? ''}:${minutes ?? ''}:${seconds ?? ''}.${millis ?? ''}Z`);
        const draft = this.newDraft();
        const file = join(draft, BACKUP_DATABASE);
        renameSync(join(folder, name), file);
        mkdirSync(join(draft, BACKUP_FILES));
        const check = await checkCopy(file);
        // Kept even when unsound: it is the only copy of the data as it was then.
        this.seal(draft, { takenAt, storedAt: takenAt, reason: 'beforeMigration' }, check, { files: 0, bytes: 0 }, { keepUnsound: true, rotate: false });
      }
      this.rotate(ctx.clock());
    });
  }

  newDraft(): string {
    const draft = join(this.dir, `${DRAFT_PREFIX}${randomUUID()}`);
    mkdirSync(draft, { recursive: true });
    return draft;
  }

  /** The attached files join a draft, linked to the newest backup's where unchanged. */
  addFiles(draft: string, now: Date): { files: number; bytes: number } {
    const previous = this.list(now)[0];
    return copyFiles(this.place.dataDir, join(draft, BACKUP_FILES), previous ? join(previous.dir, BACKUP_FILES) : null);
  }

  /**
   * Puts a checked draft in place under its final name, then lets rotation remove what is no
   * longer kept (unless `rotate` is false: the caller rotates once after several). An unsound copy
   * is kept only when `keepUnsound` (a safety copy: the person's data as it was, damaged or not);
   * otherwise it is removed and DamageFound thrown. An opened file (`awaitingRestore`) is put in
   * place out of the list, and rotation left alone: a file only looked at removes no backup.
   */
  seal(
    draft: string,
    meta: Draft,
    check: CopyCheck,
    files: { files: number; bytes: number },
    { keepUnsound = false, rotate = true, awaitingRestore = false }: { keepUnsound?: boolean; rotate?: boolean; awaitingRestore?: boolean } = {},
  ): StoredBackup {
    if (check.problem !== null && !keepUnsound) {
      rmSync(draft, { recursive: true, force: true });
      throw new DamageFound(check.problem);
    }
    const manifest: Manifest = {
      format: 1,
      takenAt: meta.takenAt.toISOString(),
      storedAt: meta.storedAt.toISOString(),
      reason: meta.reason,
      appVersion: this.place.appVersion,
      lastMigration: check.lastMigration,
      databaseBytes: statSync(join(draft, BACKUP_DATABASE)).size,
      attachments: files.files,
      attachmentBytes: files.bytes,
      counts: check.counts,
      problem: check.problem,
      ...(awaitingRestore ? { awaitingRestore } : {}),
    };
    writeFileSync(join(draft, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const base = `${localStamp(meta.takenAt)}_${reasonSlugs[meta.reason]}`;
    let id = base;
    for (let copy = 2; existsSync(join(this.dir, id)); copy += 1) id = `${base}-${copy}`;
    renameSync(draft, join(this.dir, id));
    if (rotate && !awaitingRestore) this.rotate(meta.storedAt, id);
    return { id, dir: join(this.dir, id), manifest };
  }

  /** Lets go of the backups rotation no longer keeps; never `justTaken`, which its caller is about to use. */
  rotate(now: Date, justTaken?: string): void {
    const stored = this.list(now);
    const remove = new Set(backupsToRemove(stored.map(keptOf), now));
    // Taken in the same second as others, it may sort among the oldest of them.
    remove.delete(justTaken ?? '');
    for (const backup of stored) if (remove.has(backup.id)) rmSync(backup.dir, { recursive: true, force: true });
  }

  /**
   * The backup before migrations, while the app opens (nobody is waiting on it yet): VACUUM INTO
   * and the full check in place.
   */
  private takeNow(sqlite: Database.Database, now: Date): StoredBackup {
    const draft = this.newDraft();
    try {
      const file = join(draft, BACKUP_DATABASE);
      sqlite.prepare('VACUUM INTO ?').run(file);
      asSingleFile(file);
      const files = this.addFiles(draft, now);
      return this.seal(draft, { takenAt: now, storedAt: now, reason: 'beforeMigration' }, checkCopyNow(file), files);
    } catch (error) {
      rmSync(draft, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * A backup of the running app: SQLite's online backup copies the database, and the full check
   * reads the copy, both in a worker thread, while the attached files are copied here. A copy that
   * fails the check means the file itself is damaged: the app stops writing to it and says so.
   */
  take(ctx: Context, reason: BackupReason): Promise<StoredBackup> {
    return this.exclusive(async () => {
      requireWritable(ctx.access);
      const takenAt = ctx.clock();
      const mark = changeMark(ctx.db);
      const draft = this.newDraft();
      try {
        const file = join(draft, BACKUP_DATABASE);
        const { check, run } = copyAndCheck(ctx.databaseFile, file);
        // The worker reads the data file: closing it waits for the worker, as for a checkpoint.
        ctx.jobs.trail({ done: check.then(noop, noop), waitInPlace: () => run.waitClosed(COPY_WAIT_MS) });
        let files: ReturnType<typeof copyFiles>;
        try {
          files = this.addFiles(draft, takenAt);
        } catch (error) {
          // The draft is removed below: not while the worker still writes into it.
          await check.catch(noop);
          throw error;
        }
        const stored = this.seal(draft, { takenAt, storedAt: takenAt, reason }, await check, files);
        this.lastMark = mark;
        return stored;
      } catch (error) {
        rmSync(draft, { recursive: true, force: true });
        if (error instanceof DamageFound) {
          markDamaged(ctx, error.detail);
          throw new AppFailure({ kind: 'internal', message: damagedMessage });
        }
        throw error;
      }
    });
  }

  /** Looks for changes every `checkMs`, and backs them up once `intervalMs` has passed since the last backup. */
  startAuto(ctx: Context): void {
    if (this.timer) return;
    this.lastMark = changeMark(ctx.db);
    this.timer = setInterval(() => void this.autoTick(ctx), this.checkMs);
    // The timer alone never keeps the process (a test, the web host being stopped) alive.
    this.timer.unref();
  }

  stopAuto(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** After a restore the connection is new: its changes are counted from now. */
  resetMark(ctx: Context): void {
    this.lastMark = changeMark(ctx.db);
  }

  private async autoTick(ctx: Context): Promise<void> {
    // Not while other work holds the file or the queue: the next look comes soon enough.
    if (ctx.access.mode !== 'write' || this.pending > 0 || ctx.jobs.running() > 0) return;
    let mark: string;
    try {
      mark = changeMark(ctx.db);
    } catch {
      return;
    }
    if (mark === this.lastMark) return;
    const now = ctx.clock();
    const stored = this.list(now).map((backup) => new Date(backup.manifest.storedAt));
    // One "in the future" was taken while the clock ran ahead, and says nothing of how long ago that
    // was: the interval runs from the latest one before now, so a clock put back neither holds
    // backups off nor has one taken at every change.
    const last = [...stored, ...(this.lastAttempt ? [this.lastAttempt] : [])]
      .filter((date) => date <= now)
      .reduce<Date | null>((latest, date) => (latest === null || date > latest ? date : latest), null);
    if (last !== null && now.getTime() - last.getTime() < this.intervalMs) return;
    this.lastAttempt = now;
    try {
      await this.take(ctx, 'auto');
      this.autoFailure = null;
    } catch (error) {
      this.log(error);
      this.autoFailure = failureMessage(error, ctx);
    }
  }
}

/** What a person reads when a backup could not be made. */
export function failureMessage(error: unknown, ctx: Pick<Context, 'access'>): string {
  if (error instanceof AppFailure) return error.message;
  return (
    databaseFailure(error, ctx.access)?.message ??
    'Không sao lưu được vì một lỗi ngoài dự kiến (chi tiết trong nhật ký của ứng dụng). Dữ liệu đang dùng không bị ảnh hưởng.'
  );
}

/** The refusal of work whose backup before it could not be made. */
function notBackedUp(ctx: Context, reason: 'beforeImport' | 'beforeUndo', error: unknown): AppFailure {
  const what = reason === 'beforeImport' ? 'nhập dữ liệu' : 'hoàn tác';
  return new AppFailure({ kind: 'conflict', message: `Chưa ${what}: không sao lưu được dữ liệu trước đó. ${failureMessage(error, ctx)}` });
}

/** The backup before work that changes much at once (`backUpBeforeCommit`), made while the work runs. */
export interface BackupUnderCheck {
  /** Resolves once the copy is made, checked and in place; fails with the refusal of the work when it cannot be. */
  checked(): Promise<void>;
  /** Resolves once the backup is over, however it ended. */
  settled: Promise<void>;
}

/**
 * The backup before work that changes much at once in one transaction (an import's commit, its
 * undo), the work refused when it cannot be made, for nothing may be lost that a backup would
 * have kept. The copy and its check (seconds at national scale) run in a worker while the work
 * runs in its transaction, which commits only once `checked` resolves: the copy, begun before
 * anything of the work was committed, holds the database as it was before the work.
 */
export function backUpBeforeCommit(ctx: Context, reason: 'beforeImport' | 'beforeUndo', control: JobControl): BackupUnderCheck {
  if (!ctx.backups) return { checked: () => Promise.resolve(), settled: Promise.resolve() };
  let over = false;
  // Its failure is handled here, whenever it comes, and said by `checked()`.
  const outcome = ctx.backups
    .take(ctx, reason)
    .then(
      () => null,
      (error: unknown) => notBackedUp(ctx, reason, error),
    )
    .finally(() => (over = true));
  return {
    checked: async () => {
      // The work is done; what it still waits for is the backup, and the window says so.
      if (!over) control.report(0, null, 'backingUp');
      const failure = await outcome;
      if (failure) throw failure;
    },
    settled: outcome.then(() => undefined),
  };
}
