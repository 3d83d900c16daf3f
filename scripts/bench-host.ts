/**
 * How long the window waits for an answer while an import runs, through the web host as a browser
 * uses it (HTTP, JSON), with the core in its worker thread (as `npm run web` runs it) and, for
 * comparison, in the HTTP thread itself (as before the worker):
 *   npm run bench:host [-- --rows 100000]
 * The window is a process of its own (this script again, with --window): it uploads a list of
 * cooperatives, has it analysed, previewed, committed and undone, and meanwhile asks for the job's
 * progress (`jobs:status`) and loads a static file, each every 20 ms. Prints the longest and the
 * 99th-percentile wait of each per step, and the longest the host's HTTP thread was held (its event
 * loop delay). Asserts nothing.
 */
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openApp } from '../src/core/app';
import { dispatch } from '../src/core/handlers';
import { CoreHost } from '../src/core/remote/coreHost';
import { FILE_CHUNK_BYTES, type Channel, type InputOf, type JobStatus, type OutputOf } from '../src/shared/contract';
import { spawnCoreWorker } from '../src/web/coreWorker';
import { startWebHost, type Dispatch } from '../src/web/host';
import { writeOrganizationsWorkbook } from './bench-excel-read';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, window: { type: 'string' }, list: { type: 'string' } },
});
const appRoot = resolve(import.meta.dirname, '..');
const POLL_MS = 20;
type Step = 'analyze' | 'preview' | 'commit' | 'undo';

/** What the window saw during one step, in ms. */
interface WindowFigures {
  step: Step;
  seconds: number;
  api: number[];
  file: number[];
}

/** The window's side of a step boundary, told to the host over IPC. */
type StepMessage = { step: Step; at: 'start' | 'end' };

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The window: drives the import over HTTP and measures every answer. */
async function actAsWindow(url: string, list: string): Promise<void> {
  async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const response = await fetch(new URL(`api/${channel}`, url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input }),
    });
    const result = (await response.json()) as { ok: true; value: OutputOf<C> } | { ok: false; error: { message: string } };
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  }
  const tell = (message: StepMessage) => new Promise<void>((done) => process.send?.(message, () => done()));
  const figures: WindowFigures[] = [];

  async function step(name: Step, start: () => Promise<{ jobId: string }>): Promise<string> {
    await tell({ step: name, at: 'start' });
    const started = performance.now();
    const { jobId } = await start();
    const api: number[] = [];
    const file: number[] = [];
    const stop = new AbortController();
    const fileLoop = (async () => {
      while (!stop.signal.aborted) {
        const asked = performance.now();
        await (await fetch(url)).text();
        file.push(performance.now() - asked);
        await sleep(POLL_MS);
      }
    })();
    let status: JobStatus;
    for (;;) {
      const asked = performance.now();
      status = await call('jobs:status', { jobId });
      api.push(performance.now() - asked);
      if (status.state !== 'running') break;
      await sleep(POLL_MS);
    }
    stop.abort();
    await fileLoop;
    await tell({ step: name, at: 'end' });
    if (status.state !== 'done') throw new Error(`${name}: job ${status.state} ${status.error?.message ?? ''}`);
    figures.push({ step: name, seconds: (performance.now() - started) / 1000, api, file });
    return jobId;
  }

  await call('alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' });
  const workbook = readFileSync(list);
  const { fileId } = await call('files:begin', { fileName: 'danh-sach-htx.xlsx' });
  for (let offset = 0; offset < workbook.length; offset += FILE_CHUNK_BYTES) {
    await call('files:append', { fileId, chunk: workbook.subarray(offset, offset + FILE_CHUNK_BYTES).toString('base64') });
  }
  const analyzing = await step('analyze', () => call('imports:analyze', { fileId, kind: 'organizations' }));
  const analysis = await call('imports:analysis', { jobId: analyzing });
  const mapping = analysis.columns.flatMap((column) => (column.field ? [{ column: column.index, field: column.field }] : []));
  const previewing = await step('preview', () => call('imports:preview', { analysisJobId: analyzing, mapping }));
  const committing = await step('commit', () => call('imports:commit', { previewJobId: previewing, decisions: [], bulk: { fresh: 'create' } }));
  const { batchId } = await call('imports:commitResult', { jobId: committing });
  if (batchId === null) throw new Error('the import wrote no batch');
  await step('undo', () => call('imports:undo', { batchId }));
  console.log(JSON.stringify(figures));
}

/** The host, as `npm run web` is (core in a worker) or as it was (core in the HTTP thread); the window runs beside it. */
async function host(arrangement: 'worker' | 'in-thread', dir: string, list: string): Promise<void> {
  const databaseFile = join(dir, `${arrangement}.sqlite`);
  const options = { databaseFile, appRoot, appVersion: 'bench' };
  let hostDispatch: Dispatch;
  let close: () => Promise<void>;
  if (arrangement === 'worker') {
    const core = new CoreHost(() => spawnCoreWorker(), { openPath: () => Promise.reject(new Error('no viewer')) });
    await core.open({ ...options, desktop: false });
    hostDispatch = (channel, input) => core.dispatch(channel, input);
    close = () => core.close('cancel');
  } else {
    const app = openApp(options);
    hostDispatch = (channel, input) => dispatch(app.ctx, channel, input);
    close = () => {
      app.close();
      return Promise.resolve();
    };
  }
  const webHost = await startWebHost({ dispatch: hostDispatch, port: 0, rendererDir: join(dir, 'renderer') });

  const held = new Map<Step, number>();
  let histogram: ReturnType<typeof monitorEventLoopDelay> | null = null;
  const window = fork(import.meta.filename, ['--window', webHost.url, '--list', list], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  window.on('message', (message: StepMessage) => {
    if (message.at === 'start') {
      histogram = monitorEventLoopDelay({ resolution: 5 });
      histogram.enable();
    } else if (histogram) {
      histogram.disable();
      held.set(message.step, histogram.max / 1e6);
    }
  });
  let output = '';
  window.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => window.once('exit', done));
  await webHost.close();
  await close();
  if (code !== 0) throw new Error(`the window failed (exit ${String(code)})`);
  const figures = JSON.parse(output.trim().split('\n').at(-1) ?? '[]') as WindowFigures[];

  const fmt = (ms: number) => ms.toFixed(0).padStart(7);
  console.log(`\nCore ${arrangement === 'worker' ? 'in its worker thread (npm run web)' : 'in the HTTP thread (before the worker)'}:`);
  console.log(
    `${'step'.padEnd(9)}${'seconds'.padStart(8)}  |${'jobs:status max'.padStart(16)}${'p99'.padStart(7)}  |${'static file max'.padStart(16)}${'p99'.padStart(7)}  |${'HTTP thread held max'.padStart(21)}`,
  );
  for (const { step, seconds, api, file } of figures) {
    console.log(
      `${step.padEnd(9)}${seconds.toFixed(1).padStart(8)}  |${fmt(Math.max(...api)).padStart(16)}${fmt(percentile(api, 99))}  |${fmt(Math.max(...file)).padStart(16)}${fmt(percentile(file, 99))}  |${fmt(held.get(step) ?? NaN).padStart(21)}`,
    );
  }
}

if (values.window && values.list) {
  await actAsWindow(values.window, values.list);
} else {
  const rows = Number(values.rows);
  const dir = mkdtempSync(join(tmpdir(), 'htx-bench-host-'));
  try {
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), readFileSync(join(appRoot, 'src', 'renderer', 'index.html')));
    const list = join(dir, 'danh-sach-htx.xlsx');
    await writeOrganizationsWorkbook(list, rows);
    console.log(`A list of ${rows} cooperatives imported through the web host; the window (a process of its own) asks for progress and loads a file every ${POLL_MS} ms. Times in ms.`);
    for (const arrangement of ['worker', 'in-thread'] as const) await host(arrangement, dir, list);
    console.log('\n"held": the longest the HTTP thread\'s event loop could not take a request.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
