/**
 * `npm run web`: serves HTX Desk to a browser on 127.0.0.1.
 *   --db FILE   the database file (created and migrated when new); default: the desktop app's
 *   --port N    the port (default 5180; 0 picks a free one)
 *   --ui DIR    the built renderer to serve (default out/renderer), e.g. from `electron-vite build --outDir`
 *   --clock-file FILE  for end-to-end tests: "now" is the ISO time written in FILE, read at each
 *               call, so a test moves the office's calendar by rewriting the file; absent or
 *               empty file, the real time
 *   --backup-interval SECONDS  for end-to-end tests: at most one automatic backup per this many
 *               seconds of that clock, instead of 15 minutes
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseFileName, defaultDataDir, openApp } from '../core/app';
import { damagedMessage, lockedMessage } from '../core/db/health';
import { startWebHost } from './host';

const appRoot = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '5180' },
    ui: { type: 'string' },
    'clock-file': { type: 'string' },
    'backup-interval': { type: 'string' },
  },
});

function clockFrom(file: string | undefined): (() => Date) | undefined {
  if (file === undefined) return undefined;
  return () => {
    const written = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
    const date = new Date(written);
    return written === '' || Number.isNaN(date.getTime()) ? new Date() : date;
  };
}
const clock = clockFrom(values['clock-file']);

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Cổng không hợp lệ: ${values.port}. Hãy dùng một số từ 0 đến 65535.`);
  process.exit(2);
}
const backupInterval = values['backup-interval'] === undefined ? undefined : Number(values['backup-interval']);
if (backupInterval !== undefined && !(backupInterval > 0)) {
  console.error(`Khoảng sao lưu không hợp lệ: ${values['backup-interval'] ?? ''}. Hãy dùng một số giây lớn hơn 0.`);
  process.exit(2);
}
const databaseFile = resolve(values.db ?? join(defaultDataDir(), databaseFileName));
const { version } = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string };

try {
  const app = openApp({
    databaseFile,
    appRoot,
    appVersion: version,
    ...(clock ? { clock } : {}),
    ...(backupInterval ? { autoBackup: { intervalMs: backupInterval * 1000 } } : {}),
  });
  if (app.backupFile) console.log(`Đã sao lưu dữ liệu trước khi cập nhật cấu trúc: ${app.backupFile}`);
  const { access } = app.ctx;
  if (access.mode === 'damaged') console.log(damagedMessage);
  if (access.mode === 'locked') console.log(lockedMessage(access.holder));
  const host = await startWebHost({ ctx: app.ctx, port, rendererDir: resolve(values.ui ?? join(appRoot, 'out', 'renderer')) });
  console.log(`Dữ liệu: ${databaseFile}`);
  console.log(`HTX Desk đang chạy tại ${host.url}`);
  const stop = () => {
    void host.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
