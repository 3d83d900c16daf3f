/** Sao lưu và khôi phục over the contract (see contracts/backups.ts and src/core/backup/). */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { backupsContract, BackupInfo, DataFileStatus } from '../../shared/contracts/backups';
import { conflict } from '../../shared/errors';
import { readArchive, writeArchive } from '../backup/archive';
import { BACKUP_DATABASE, infoOf } from '../backup/backups';
import { checkFileFromElsewhere } from '../backup/check';
import { backupsOf, discardOpened, restoreBackup } from '../backup/restore';
import type { Context } from '../context';
import { damagedMessage, lockedMessage, readOnlyFailure } from '../db/health';
import { newestMigration } from '../db/open';
import { startWorkbookJob } from '../excel/workbookJob';
import { stagedFile } from '../files';
import type { HandlersFor } from '../handlerTypes';
import { JobKind } from '../jobs';

export const OPEN_FILE_JOB = new JobKind<BackupInfo>('backups:openFile');

function status(ctx: Context): DataFileStatus {
  const backups = backupsOf(ctx);
  const now = ctx.clock();
  const listed = backups.list(now).map((backup) => infoOf(backup, now));
  const latest = backups.latestSound(now);
  const { access } = ctx;
  return {
    access: access.mode,
    message: access.mode === 'damaged' ? damagedMessage : access.mode === 'locked' ? lockedMessage(access.holder) : null,
    folder: backups.dir,
    latestSound: latest ? infoOf(latest, now) : null,
    backupsDatedAhead: listed.filter((backup) => backup.datedAhead).length,
    autoBackupFailure: backups.autoFailure,
    autoBackupSeconds: Math.round(backups.intervalMs / 1000),
  };
}

/** `htx-desk-du-lieu-2026-11-23-1500.zip`, by the office's clock. */
function archiveName(ctx: Context): string {
  const now = ctx.clock();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `htx-desk-du-lieu-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.zip`;
}

/**
 * Mở từ bản sao lưu: the uploaded file, once it has passed every check, waits beside the backups
 * (reason `fromFile`, out of their list) for the person to see what it holds: restored, it joins the
 * list; declined, it is removed (and so is one left waiting when the app starts again).
 */
function openFile(ctx: Context, fileId: string): { jobId: string } {
  const backups = backupsOf(ctx);
  // A damaged file is exactly when a copy from elsewhere is wanted; only another app's file is off limits.
  if (ctx.access.mode === 'locked') throw readOnlyFailure(ctx.access);
  const staged = stagedFile(ctx, fileId);
  const jobId = ctx.jobs.start(OPEN_FILE_JOB, (control) =>
    backups.exclusive(async () => {
      const draft = backups.newDraft();
      try {
        const read = await readArchive(staged.path, staged.fileName, draft, control);
        control.report(0, null, 'checking');
        const check = await checkFileFromElsewhere(join(draft, BACKUP_DATABASE));
        const name = staged.fileName;
        if (check.problem !== null) throw conflict(`Dữ liệu trong tệp «${name}» bị hỏng (SQLite kiểm tra thấy không toàn vẹn), nên không mở được.`);
        if (check.lastMigration === null) throw conflict(`Tệp «${name}» không chứa dữ liệu HTX Desk.`);
        if (check.lastMigration > newestMigration(backups.place.migrationsFolder)) {
          throw conflict(`Tệp «${name}» do một phiên bản HTX Desk mới hơn tạo. Hãy cập nhật HTX Desk rồi mở lại tệp.`);
        }
        const now = ctx.clock();
        const takenAt = read.manifest ? new Date(read.manifest.takenAt) : now;
        return infoOf(backups.seal(draft, { takenAt, storedAt: now, reason: 'fromFile' }, check, read.files, { awaitingRestore: true }), now);
      } catch (error) {
        rmSync(draft, { recursive: true, force: true });
        throw error;
      } finally {
        rmSync(dirname(staged.path), { recursive: true, force: true });
      }
    }),
  );
  return { jobId };
}

export const backupsHandlers: HandlersFor<typeof backupsContract> = {
  'backups:status': (ctx) => status(ctx),
  'backups:list': (ctx) => {
    const now = ctx.clock();
    return backupsOf(ctx)
      .list(now)
      .map((backup) => infoOf(backup, now));
  },
  'backups:create': async (ctx) => infoOf(await backupsOf(ctx).take(ctx, 'manual'), ctx.clock()),
  'backups:restore': (ctx, { id }) => restoreBackup(ctx, id),
  'backups:export': (ctx) => {
    const backups = backupsOf(ctx);
    if (ctx.access.mode !== 'write') throw readOnlyFailure(ctx.access);
    return startWorkbookJob(ctx, archiveName(ctx), async (path, control) => {
      control.report(0, null, 'backingUp');
      await writeArchive(await backups.take(ctx, 'export'), path, control);
    });
  },
  'backups:openFile': (ctx, { fileId }) => openFile(ctx, fileId),
  'backups:openFileResult': (ctx, { jobId }) => ctx.jobs.result(jobId, OPEN_FILE_JOB),
  'backups:discardOpened': (ctx, { id }) => discardOpened(ctx, id),
};
