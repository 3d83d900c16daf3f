/**
 * Restoring a backup while the app runs: the chosen copy is checked again, the data as it is now
 * (database and attached files) is kept as a safety copy, the copy is put in place, and the app's
 * connection is opened again on it — the window goes on without a restart. The web host and the
 * desktop app both come here through 'backups:restore'.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RestoreResult } from '../../shared/contracts/backups';
import { formatDateTime } from '../../shared/format';
import { conflict, notFound } from '../../shared/errors';
import type { Context } from '../context';
import { isDamage, readOnlyFailure } from '../db/health';
import { newestMigration } from '../db/open';
import { asSingleFile, BACKUP_DATABASE, BACKUP_FILES, clearFiles, copyFiles, infoOf, type Backups, type StoredBackup } from './backups';
import { checkCopy } from './check';
import { refreshShippedData } from '../shippedData';

/**
 * Forgets a file opened with «Mở từ bản sao lưu» that the person chose not to restore; a backup of
 * the office's own list is never removed here.
 */
export function discardOpened(ctx: Context, id: string): Promise<null> {
  const backups = backupsOf(ctx);
  return backups.exclusive(() => {
    const opened = backups.findOpened(id);
    if (opened) rmSync(opened.dir, { recursive: true, force: true });
    return Promise.resolve(null);
  });
}

/** The backups of the app, or why there are none (an in-memory database in tests). */
export function backupsOf(ctx: Context): Backups {
  if (!ctx.backups) throw conflict('Dữ liệu này chỉ nằm trong bộ nhớ, không có tệp để sao lưu.');
  return ctx.backups;
}

function refuseWhileJobsRun(ctx: Context): void {
  if (ctx.jobs.running() > 0) {
    throw conflict(
      'Đang có một công việc chạy (nhập hoặc xuất Excel, báo cáo, sao lưu). Hãy đợi nó xong hoặc bấm Hủy, rồi khôi phục lại.',
    );
  }
}

/** The database and the attached files of a backup folder become those of the data file. */
function putInPlace(ctx: Context, from: string): void {
  const file = ctx.databaseFile;
  const incoming = `${file}.dang-khoi-phuc`;
  copyFileSync(join(from, BACKUP_DATABASE), incoming);
  // A write-ahead log left beside the old file would be read into the new one.
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  renameSync(incoming, file);
  if (existsSync(join(from, `${BACKUP_DATABASE}-wal`))) copyFileSync(join(from, `${BACKUP_DATABASE}-wal`), `${file}-wal`);
  clearFiles(ctx.dataDir);
  copyFiles(join(from, BACKUP_FILES), ctx.dataDir, null);
}

/** Opens the data file again into the app's context, as at start-up (migrations and checks included). */
function reopen(ctx: Context, backups: Backups): void {
  const opened = backups.openDataFile(ctx.clock);
  ctx.db = opened.db;
  ctx.schemaVersion = opened.schemaVersion;
  ctx.access = opened.damage === null ? { mode: 'write' } : { mode: 'damaged', detail: opened.damage };
  // A backup from before this version lacks (or has older) administrative units and name keys.
  if (ctx.access.mode === 'write') refreshShippedData(ctx);
}

/** A backup as its row in the list shows it: to the second, as several are often taken within a minute. */
function backupNamed(backup: StoredBackup): string {
  return `Bản sao lưu lúc ${formatDateTime(backup.manifest.takenAt, { seconds: true })}`;
}

async function checkBeforeRestore(backups: Backups, backup: StoredBackup): Promise<void> {
  const named = backupNamed(backup);
  if (backup.manifest.problem !== null) {
    throw conflict(`${named} không toàn vẹn nên không khôi phục được. Hãy chọn một bản khác.`);
  }
  const check = await checkCopy(join(backup.dir, BACKUP_DATABASE));
  if (check.problem !== null) {
    throw conflict(`${named} đã bị hỏng trên ổ đĩa kể từ khi được tạo, nên không khôi phục được. Hãy chọn một bản khác.`);
  }
  if (check.lastMigration === null) throw conflict(`${named} không chứa dữ liệu HTX Desk.`);
  if (check.lastMigration > newestMigration(backups.place.migrationsFolder)) {
    throw conflict(`${named} do một phiên bản HTX Desk mới hơn tạo. Hãy cập nhật HTX Desk rồi khôi phục.`);
  }
}

/**
 * Keeps the data as it is in `draft` (closed first, so its log is folded in; a damaged file keeps
 * its log beside it), then puts `source` in place and opens it. Nothing here yields, so no call
 * of the window meets a closed connection; on a failure the data as it was goes back in place.
 */
function swap(ctx: Context, backups: Backups, source: StoredBackup, draft: string, now: Date): { files: number; bytes: number } {
  const sound = ctx.access.mode === 'write';
  ctx.db.$client.close();
  let replaced = false;
  try {
    const copy = join(draft, BACKUP_DATABASE);
    copyFileSync(ctx.databaseFile, copy);
    if (existsSync(`${ctx.databaseFile}-wal`)) copyFileSync(`${ctx.databaseFile}-wal`, `${copy}-wal`);
    // A sound file becomes a single file as every backup is; a damaged one is kept exactly as it was.
    if (sound) asSingleFile(copy);
    const files = backups.addFiles(draft, now);
    replaced = true;
    putInPlace(ctx, source.dir);
    reopen(ctx, backups);
    return files;
  } catch (error) {
    if (replaced) {
      // Whatever of the backup was opened is let go before the data as it was goes back in place.
      if (ctx.db.$client.open) ctx.db.$client.close();
      putInPlace(ctx, draft);
    } else rmSync(draft, { recursive: true, force: true });
    if (!ctx.db.$client.open) reopen(ctx, backups);
    // Damage met once the backup was in place is the backup's: the data file, back as it was, is
    // not marked damaged for it (the dispatcher would, given SQLite's error).
    if (replaced && isDamage(error)) throw conflict(`${backupNamed(source)} không mở được vì dữ liệu trong đó bị hỏng, nên không khôi phục được; dữ liệu đang dùng vẫn giữ nguyên. Hãy chọn một bản khác.`);
    throw error;
  }
}

export async function restoreBackup(ctx: Context, id: string): Promise<RestoreResult> {
  const backups = backupsOf(ctx);
  if (ctx.access.mode === 'locked') throw readOnlyFailure(ctx.access);
  refuseWhileJobsRun(ctx);
  return backups.exclusive(async () => {
    const opened = backups.findOpened(id);
    const source = backups.find(id) ?? opened;
    if (!source) throw notFound('Không tìm thấy bản sao lưu này; có thể nó đã được xoay vòng. Hãy tải lại danh sách.');
    await checkBeforeRestore(backups, source);
    // A checkpoint still writing the last import into the file would be copied half done.
    await ctx.jobs.trailed();
    // Again: a job may have started while the copy was being checked.
    refuseWhileJobsRun(ctx);
    const takenAt = ctx.clock();
    const draft = backups.newDraft();
    const files = swap(ctx, backups, source, draft, takenAt);
    const restored = opened ? backups.keepOpened(opened, takenAt) : source;
    backups.resetMark(ctx);
    if (ctx.access.mode === 'write') backups.startAuto(ctx);
    // The safety copy is the person's data as it was, sound or not: kept either way, and marked.
    const check = await checkCopy(join(draft, BACKUP_DATABASE));
    const safety = backups.seal(draft, { takenAt, storedAt: takenAt, reason: 'beforeRestore' }, check, files, { keepUnsound: true });
    return { restored: infoOf(restored, takenAt), safetyCopy: infoOf(safety, takenAt) };
  });
}
