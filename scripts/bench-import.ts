/**
 * One import of a workbook of organizations into an empty database, the whole way a person does it
 * (analyze, preview with matching, commit in one transaction), timed in a process of its own so
 * that its peak memory is its own. Prints one line of JSON:
 *   tsx scripts/bench-import.ts --file FILE.xlsx
 * `npm run bench` runs it built (`builtImportBench` in bench.ts), from out/bench with `--root`.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openApp } from '../src/core/app';
import { stageFile } from '../src/core/files';
import { dispatch } from '../src/core/handlers';
import type { Channel, InputOf, OutputOf } from '../src/shared/contract';

export interface ImportMeasure {
  seconds: number;
  /** Seconds of each step: analyze, preview (read, check, match), commit. */
  steps: { analyze: number; preview: number; commit: number };
  /**
   * Processor seconds (user + system, every thread of the process) of each step and of the undo:
   * on a machine shared with other work, steadier than the wall-clock seconds.
   */
  cpuSeconds: { analyze: number; preview: number; commit: number; undo: number };
  /** The machine's load average (1 minute) when the import started and when the undo ended. */
  load: { before: number; after: number };
  /** The longest the window waited for an answer to its progress poll (every 20 ms), in each step. */
  longestWaitMs: Record<string, number>;
  /** Seconds the undo of the whole import took, after the measured run. */
  undoSeconds: number;
  /** Seconds writing the refused rows, with their reasons, to a workbook took. */
  failedRowsSeconds: number;
  peakMb: number;
  rows: number;
  created: number;
  failed: number;
  /** Rows whose old commune was divided between several: asked, so left out by this run. */
  asked: number;
}

// The project's folder (migrations, resources): this script's parent, unless run from a build elsewhere.
const { values } = parseArgs({ options: { file: { type: 'string' }, root: { type: 'string', default: resolve(import.meta.dirname, '..') } } });
if (!values.file) throw new Error('--file is required');
const file = resolve(values.file);

const dir = mkdtempSync(join(tmpdir(), 'htx-bench-import-'));
const app = openApp({ databaseFile: join(dir, 'import.sqlite'), appRoot: resolve(values.root), appVersion: 'bench' });
await dispatch(app.ctx, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' });

async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await dispatch(app.ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as OutputOf<C>;
}

const longestWait: Record<string, number> = {};

/** Polls as the window does, noting the longest wait between two answers. */
async function finished(jobId: string, step: string): Promise<void> {
  const noteWait = (ms: number) => (longestWait[step] = Math.max(longestWait[step] ?? 0, Math.round(ms)));
  for (;;) {
    const asked = performance.now();
    const status = await call('jobs:status', { jobId });
    noteWait(performance.now() - asked);
    if (status.state === 'done') return;
    if (status.state !== 'running') throw new Error(`job ${status.state}: ${status.error?.message ?? ''}`);
    const waiting = performance.now();
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
    // A timer that fires late means the process was busy: the window would have waited as long.
    noteWait(performance.now() - waiting - 20);
  }
}

let peak = process.memoryUsage.rss();
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
const loadBefore = loadavg()[0] ?? 0;
const cpuAt: Record<string, NodeJS.CpuUsage> = {};
const cpuSince = (from: string, to: string) => {
  const [start, end] = [cpuAt[from], cpuAt[to]];
  return start && end ? (end.user + end.system - start.user - start.system) / 1e6 : 0;
};
cpuAt.started = process.cpuUsage();
const started = performance.now();

const staged = stageFile(app.ctx, basename(file));
copyFileSync(file, staged.path);
const analyzing = await call('imports:analyze', { fileId: staged.fileId, kind: 'organizations' });
await finished(analyzing.jobId, 'analyze');
const analyzed = performance.now();
cpuAt.analyzed = process.cpuUsage();
const analysis = await call('imports:analysis', { jobId: analyzing.jobId });
const mapping = analysis.columns.flatMap((column) => (column.field ? [{ column: column.index, field: column.field }] : []));
// The list's members go into the year the person picks (it has no title naming one).
const previewing = await call('imports:preview', { analysisJobId: analyzing.jobId, mapping, year: 2024 });
await finished(previewing.jobId, 'preview');
const previewed = performance.now();
cpuAt.previewed = process.cpuUsage();
const preview = await call('imports:previewResult', { jobId: previewing.jobId, page: 1, pageSize: 1 });
const committing = await call('imports:commit', { previewJobId: previewing.jobId, decisions: [], bulk: { fresh: 'create' } });
await finished(committing.jobId, 'commit');
const summary = await call('imports:commitResult', { jobId: committing.jobId });

const ended = performance.now();
cpuAt.ended = process.cpuUsage();
const seconds = (ended - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());
if (summary.batchId === null) throw new Error('the import wrote no batch');
const writing = await call('imports:failedRows', { jobId: committing.jobId });
await finished(writing.jobId, 'failedRows');
const failedWritten = performance.now();
cpuAt.failedWritten = process.cpuUsage();
const undoing = await call('imports:undo', { batchId: summary.batchId });
await finished(undoing.jobId, 'undo');
const undone = performance.now();
cpuAt.undone = process.cpuUsage();
const measure: ImportMeasure = {
  seconds,
  steps: { analyze: (analyzed - started) / 1000, preview: (previewed - analyzed) / 1000, commit: (ended - previewed) / 1000 },
  cpuSeconds: {
    analyze: cpuSince('started', 'analyzed'),
    preview: cpuSince('analyzed', 'previewed'),
    commit: cpuSince('previewed', 'ended'),
    undo: cpuSince('failedWritten', 'undone'),
  },
  load: { before: loadBefore, after: loadavg()[0] ?? 0 },
  longestWaitMs: longestWait,
  failedRowsSeconds: (failedWritten - ended) / 1000,
  undoSeconds: (undone - failedWritten) / 1000,
  peakMb: peak / 1024 / 1024,
  rows: preview.counts.rows,
  created: summary.created,
  failed: summary.failed,
  asked: preview.counts.ambiguous + preview.counts.unplaced,
};
console.log(JSON.stringify(measure));
app.close();
rmSync(dir, { recursive: true, force: true });
