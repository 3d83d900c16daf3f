/**
 * End-to-end harness: the web host as a user starts it (`tsx src/web/server.ts`) on a fresh
 * temporary database, and Debian's Chromium driven by playwright-core.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { beforeEach, expect } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

export interface RunningHost {
  url: string;
  databaseFile: string;
  /** Moves the office's calendar: every call after this sees `now` as the current time. */
  setNow(now: Date): void;
  stop(): Promise<void>;
}

interface HostOptions {
  /** Fill the database with the province-scale demo data first, as `npm run seed:demo` does. */
  demo?: boolean;
  /** The office's today for the demo data (YYYY-MM-DD): its figures end with the year before. */
  demoToday?: string;
  /** Go to the web host as they are, e.g. `['--backup-interval', '1']`. */
  extraArgs?: string[];
}

export async function startHost({ demo = false, demoToday, extraArgs = [] }: HostOptions = {}): Promise<RunningHost> {
  const dir = mkdtempSync(join(tmpdir(), 'htx-e2e-'));
  const databaseFile = join(dir, 'htx-desk.sqlite');
  const clockFile = join(dir, 'now.txt');
  if (demo) {
    const seeded = spawnSync(
      process.execPath,
      [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/seed-demo.ts', '--db', databaseFile, '--scale', 'province', ...(demoToday ? ['--today', demoToday] : [])],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    if (seeded.status !== 0) throw new Error(`seed:demo failed:\n${seeded.stdout}${seeded.stderr}`);
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'src/web/server.ts',
      '--db',
      databaseFile,
      '--port',
      '0',
      '--clock-file',
      clockFile,
      ...extraArgs,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /HTX Desk đang chạy tại (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    databaseFile,
    setNow: (now) => writeFileSync(clockFile, now.toISOString()),
    stop: async () => {
      // A host that has died already (a crash the test then reports) has nothing left to stop.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * Saves a screenshot as a test artifact, to be looked at: the whole page, or (`fullPage` false)
 * the window as a person sees it, as for a dialog.
 */
export async function snap(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
}

/** Where a field is looked for: the page, or a part of it such as a dialog. */
type Scope = Pick<Page, 'getByLabel'>;

/** A field by its label as a person reads it; a required field's label ends in an asterisk. */
export function fieldOf(page: Page, label: string, scope: Scope = page) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

/** Chooses in a select; a searchable one is typed into first, as a person would. */
export async function pickIn(page: Page, label: string, typed: string, option: string, scope: Scope = page): Promise<void> {
  const input = fieldOf(page, label, scope);
  // A click on a select that is not searchable toggles its list, and a dialog still opening may
  // take the focus away and close it again: click until the list is open.
  await expect
    .poll(
      async () => {
        if ((await input.getAttribute('aria-expanded')) === 'true') return true;
        await input.click();
        return false;
      },
      { timeout: 10_000, interval: 300 },
    )
    .toBe(true);
  if (typed !== '' && (await input.isEditable())) await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Types a date as dd/mm/yyyy into a date field, then leaves it (Tab), as a person would. */
export async function typeDate(page: Page, label: string, text: string, scope: Scope = page): Promise<void> {
  const input = fieldOf(page, label, scope);
  await input.fill(text);
  await input.press('Tab');
}

/** Calls the web host's API as the renderer does: POST {url}api/{channel} with `{ input }`. */
export async function callApi<T>(host: RunningHost, channel: string, input?: unknown): Promise<T> {
  const response = await fetch(new URL(`api/${channel}`, host.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: unknown };
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Text as a person reads it: every run of white space (no-break spaces too) as one space. */
export async function readable(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Closes the notices in the bottom corner, as a person does when one covers the button they want
 * (a notice with a link stays 10 seconds).
 */
export async function closeNotices(page: Page): Promise<void> {
  const notices = page.locator('.mantine-Notification-root');
  for (const notice of await notices.all()) {
    // One may close by itself meanwhile; whether every notice is gone is checked just below.
    await notice
      .getByRole('button', { name: 'Đóng' })
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    // Away from the corner after each: the notice sliding in under the pointer would be held open.
    await page.mouse.move(600, 20);
  }
  await expect.poll(() => notices.count(), { timeout: 10_000 }).toBe(0);
  // And for the notices to come.
  await page.mouse.move(600, 20);
}

/**
 * A journey's steps build on one another: once a step fails, the later ones are skipped rather
 * than each timing out on a screen that is not there, and the page as the failure left it is kept
 * as `<name>-failed.png`. `page` is read when a step fails, after `beforeAll` has opened it.
 */
export function stepsInOrder(page: () => Page, name: string): void {
  let broken = false;
  beforeEach((context) => {
    if (broken) context.skip();
    context.onTestFailed(async () => {
      broken = true;
      await snap(page(), `${name}-failed`);
    });
  });
}

