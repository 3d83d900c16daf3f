/**
 * Backups at national scale, part of `npm run bench`: the quick check every opening runs, one
 * backup as the app takes it while running (online copy and full check in a worker, attached files)
 * and the whole data written as one .zip — each with the longest the window waited for an answer
 * meanwhile, asking every 20 ms as a progress bar does.
 */
import { statSync } from 'node:fs';
import type { OpenedApp } from '../src/core/app';
import { quickCheck } from '../src/core/db/health';
import { stagedFile } from '../src/core/files';
import { dispatch } from '../src/core/handlers';

export interface BackupMeasure {
  quickCheckSeconds: number;
  backupSeconds: number;
  backupWaitMs: number;
  exportSeconds: number;
  exportWaitMs: number;
  exportBytes: number;
}

/** Runs `work` while asking the backend a cheap question every 20 ms; the longest answer's wait. */
async function whileAnswering(app: OpenedApp, work: () => Promise<unknown>): Promise<{ seconds: number; waitMs: number }> {
  let longest = 0;
  const state = { running: true };
  const asking = (async () => {
    while (state.running) {
      const asked = performance.now();
      await dispatch(app.ctx, 'backups:status', undefined);
      longest = Math.max(longest, performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  state.running = false;
  await asking;
  return { seconds, waitMs: longest };
}

export async function benchBackup(app: OpenedApp): Promise<BackupMeasure> {
  const checking = performance.now();
  const problem = quickCheck(app.ctx.db.$client);
  if (problem !== null) throw new Error(problem);
  const quickCheckSeconds = (performance.now() - checking) / 1000;

  const backup = await whileAnswering(app, async () => {
    const result = await dispatch(app.ctx, 'backups:create', undefined);
    if (!result.ok) throw new Error(result.error.message);
  });
  let fileId = '';
  const exported = await whileAnswering(app, async () => {
    const started = await dispatch(app.ctx, 'backups:export', undefined);
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.value as { jobId: string };
    for (;;) {
      const status = app.ctx.jobs.status(jobId);
      if (status.state === 'failed') throw new Error(status.error?.message);
      if (status.state === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const file = await dispatch(app.ctx, 'reports:file', { jobId });
    if (!file.ok) throw new Error(file.error.message);
    fileId = (file.value as { fileId: string }).fileId;
  });
  return {
    quickCheckSeconds,
    backupSeconds: backup.seconds,
    backupWaitMs: backup.waitMs,
    exportSeconds: exported.seconds,
    exportWaitMs: exported.waitMs,
    exportBytes: statSync(stagedFile(app.ctx, fileId).path).size,
  };
}

export function printBackupFigures(measure: BackupMeasure): void {
  console.log(`Backups: quick check at opening ${measure.quickCheckSeconds.toFixed(2)} s`);
  console.log(
    `  a backup while the app runs (online copy and full integrity check in a worker) ${measure.backupSeconds.toFixed(2)} s, ` +
      `longest wait of the window meanwhile ${measure.backupWaitMs.toFixed(0)} ms`,
  );
  console.log(
    `  Xuất toàn bộ dữ liệu (a backup, then the .zip of ${(measure.exportBytes / 1024 / 1024).toFixed(1)} MB) ${measure.exportSeconds.toFixed(2)} s, ` +
      `longest wait ${measure.exportWaitMs.toFixed(0)} ms`,
  );
}
