/**
 * The app as a child process for crash.test.ts, which kills it with SIGKILL at a random moment:
 *   tsx tests/core/crashChild.ts FILE import LIST.csv   analyse, preview and commit an import
 *   tsx tests/core/crashChild.ts FILE undo BATCH        undo an import
 * It says on stdout when the long write starts ("started") and when it is over ("done <batch>").
 */
import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApp } from '../../src/core/app';
import { stageFile } from '../../src/core/files';
import { dispatch } from '../../src/core/handlers';
import type { Channel, InputOf, OutputOf } from '../../src/shared/contract';

const [databaseFile, action, argument] = process.argv.slice(2);
if (!databaseFile || (action !== 'import' && action !== 'undo') || !argument) throw new Error('usage: FILE import LIST.csv | FILE undo BATCH');

const app = openApp({ databaseFile, appRoot: resolve(import.meta.dirname, '../..'), appVersion: '0.0.0-test' });

async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await dispatch(app.ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as OutputOf<C>;
}

async function finished(jobId: string): Promise<void> {
  for (;;) {
    const status = await call('jobs:status', { jobId });
    if (status.state === 'done') return;
    if (status.state !== 'running') throw new Error(`job ${status.state}: ${status.error?.message ?? ''}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

if (action === 'import') {
  const staged = stageFile(app.ctx, 'danh sach.csv');
  copyFileSync(argument, staged.path);
  const analysis = await call('imports:analyze', { fileId: staged.fileId, kind: 'organizations' });
  await finished(analysis.jobId);
  const columns = (await call('imports:analysis', { jobId: analysis.jobId })).columns;
  const mapping = columns.flatMap((column) => (column.field ? [{ column: column.index, field: column.field }] : []));
  const preview = await call('imports:preview', { analysisJobId: analysis.jobId, mapping });
  await finished(preview.jobId);
  const commit = await call('imports:commit', { previewJobId: preview.jobId, decisions: [], bulk: {} });
  console.log('started');
  await finished(commit.jobId);
  console.log(`done ${String((await call('imports:commitResult', { jobId: commit.jobId })).batchId)}`);
} else {
  const undo = await call('imports:undo', { batchId: Number(argument) });
  console.log('started');
  await finished(undo.jobId);
  console.log(`done ${argument}`);
}
app.close();
