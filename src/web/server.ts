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
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseFileName, defaultDataDir } from '../core/dataFiles';
import { CoreHost } from '../core/remote/coreHost';
import { spawnCoreWorker } from './coreWorker';
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
const clockFile = values['clock-file'];
const { version } = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string };

// A browser has no system viewer to lend: the core never asks (it is opened with desktop: false).
const core = new CoreHost(() => spawnCoreWorker(), {
  openPath: () => Promise.reject(new Error('Trong trình duyệt, HTX Desk không mở tệp bằng phần mềm của máy.')),
});

try {
  const opened = await core.open({
    databaseFile,
    appRoot,
    appVersion: version,
    desktop: false,
    ...(clockFile === undefined ? {} : { clockFile: resolve(clockFile) }),
    ...(backupInterval === undefined ? {} : { autoBackupIntervalMs: backupInterval * 1000 }),
  });
  if (opened.backupFile) console.log(`Đã sao lưu dữ liệu trước khi cập nhật cấu trúc: ${opened.backupFile}`);
  if (opened.readOnlyReason) console.log(opened.readOnlyReason);
  const host = await startWebHost({
    dispatch: (channel, input) => core.dispatch(channel, input),
    port,
    rendererDir: resolve(values.ui ?? join(appRoot, 'out', 'renderer')),
  });
  console.log(`Dữ liệu: ${databaseFile}`);
  console.log(`HTX Desk đang chạy tại ${host.url}`);
  const stop = () => {
    // Running jobs are cancelled (an import's writes roll back) before the database closes.
    void host
      .close()
      .then(() => core.close('cancel'))
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
