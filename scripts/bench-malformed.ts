/**
 * How long each broken or hostile file of the test corpus (tests/core/malformedFiles.ts) takes to
 * be read or refused through the real dispatcher — analysis, then a preview when the analysis
 * ends — and the most memory the process held meanwhile (the reader's worker thread included):
 *   npm run bench:malformed -- [--only text]
 * Also the 60,000-row workbook of the issue with a value in column XFD. Prints figures; asserts
 * nothing. The aim: each file done within 10 s and 1 GB, the app answering all the while.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openApp } from '../src/core/app';
import { stageFile } from '../src/core/files';
import { dispatch } from '../src/core/handlers';
import type { JobStatus } from '../src/shared/contract';
import { malformedFiles, xfdInEveryRow } from '../tests/core/malformedFiles';

const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true });
const repoRoot = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'htx-bench-malformed-'));
const app = openApp({ databaseFile: join(dir, 'bench.sqlite'), appRoot: repoRoot, appVersion: '0.0.0-bench' });

async function call(channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(app.ctx, channel, input, { log: () => undefined });
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Follows a job as the window does, every 20 ms, noting the longest wait for an answer. */
async function settle(jobId: string, waits: number[]): Promise<JobStatus> {
  for (;;) {
    const asked = performance.now();
    const status = (await call('jobs:status', { jobId })) as JobStatus;
    waits.push(performance.now() - asked);
    if (status.state !== 'running') return status;
    await new Promise((done) => setTimeout(done, 20));
  }
}

await call('alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' });
const files = [...malformedFiles(), { name: 'the issue’s 60,000 rows with a value in column XFD', fileName: 'xfd-60000.xlsx', bytes: () => xfdInEveryRow() }];
console.log(`${'file'.padEnd(72)}${'KB'.padStart(8)}${'seconds'.padStart(9)}${'peak RSS'.padStart(10)}${'longest wait'.padStart(14)}  outcome`);
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
for (const file of files) {
  if (values.only !== undefined && !file.name.includes(values.only)) continue;
  const bytes = file.bytes();
  const staged = stageFile(app.ctx, file.fileName);
  writeFileSync(staged.path, bytes);
  peak = process.memoryUsage().rss;
  const waits: number[] = [];
  const started = performance.now();
  const { jobId } = (await call('imports:analyze', { fileId: staged.fileId, kind: 'organizations' })) as { jobId: string };
  let status = await settle(jobId, waits);
  let outcome = status.state === 'done' ? 'read' : `${status.state}: ${status.error?.message ?? ''}`;
  if (status.state === 'done') {
    const analysis = (await call('imports:analysis', { jobId })) as { columns: { index: number; field: string | null }[] };
    const mapping = analysis.columns.flatMap((column) => (column.field ? [{ column: column.index, field: column.field }] : []));
    const preview = await dispatch(app.ctx, 'imports:preview', { analysisJobId: jobId, mapping }, { log: () => undefined });
    if (preview.ok) {
      status = await settle((preview.value as { jobId: string }).jobId, waits);
      outcome = status.state === 'done' ? 'read and previewed' : `previewed, ${status.state}: ${status.error?.message ?? ''}`;
    } else outcome = `read; preview refused: ${preview.error.message}`;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${file.name.slice(0, 70).padEnd(72)}${(bytes.length / 1024).toFixed(0).padStart(8)}${seconds.toFixed(2).padStart(9)}` +
      `${`${(peak / 1024 / 1024).toFixed(0)} MB`.padStart(10)}${`${Math.max(...waits).toFixed(0)} ms`.padStart(14)}  ${outcome.slice(0, 90)}`,
  );
}
clearInterval(sampler);
app.close();
rmSync(dir, { recursive: true, force: true });
