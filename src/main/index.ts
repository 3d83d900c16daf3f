/**
 * The Electron shell, kept thin: the window, the menu, native dialogs, and the window's calls
 * forwarded to the core, which runs in a process of its own (src/main/coreProcess.ts). Everything
 * else lives in src/core.
 */
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type MenuItemConstructorOptions } from 'electron';
import { databaseFileName, dataDirOf } from '../core/dataFiles';
import type { JobsOnClose } from '../core/jobs';
import { CoreHost } from '../core/remote/coreHost';
import type { CoreOpenOptions } from '../core/remote/protocol';
import { spawnCoreProcess } from './coreProcess';
import { fileInsideFolder } from './dataFolder';

/** The data file the core has open. */
let databaseFile = '';
let window: BrowserWindow | null = null;

/** How long quitting waits for the core to cancel its jobs and close the database. */
const CLOSE_ON_QUIT_MS = 15_000;

function databaseFileFromArgs(): string {
  const index = process.argv.indexOf('--db');
  const file = index >= 0 ? process.argv[index + 1] : undefined;
  return file ?? join(app.getPath('userData'), databaseFileName);
}

/**
 * Asked by the core to open an attachment with the system's viewer. The core built the path from
 * its own folder; it is checked again here, against the folder of the file this process opened.
 */
async function openWithSystemViewer(path: string): Promise<void> {
  const inside = fileInsideFolder(dataDirOf(databaseFile), path);
  if (!inside) {
    throw new Error('HTX Desk chỉ mở các tệp nằm trong thư mục dữ liệu của tệp đang mở; tệp này nằm ngoài thư mục đó hoặc đi qua một liên kết, nên không được mở.');
  }
  const failure = await shell.openPath(inside);
  if (failure !== '') throw new Error(`Máy không mở được tệp này bằng phần mềm xem: ${failure}`);
}

const core = new CoreHost(() => spawnCoreProcess(), { openPath: openWithSystemViewer });

function openOptions(file: string): CoreOpenOptions {
  return { databaseFile: file, appRoot: app.getAppPath(), appVersion: app.getVersion(), desktop: true };
}

function announceBackup(backupFile: string | null): void {
  if (!backupFile) return;
  void dialog.showMessageBox({
    type: 'info',
    message: 'Đã cập nhật cấu trúc dữ liệu',
    detail: `Bản sao dữ liệu trước khi cập nhật được lưu tại:\n${backupFile}`,
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Before the open data file closes: when jobs (imports, exports) are running, asks the person
 * whether to wait for them, cancel them, or keep the file open (null).
 */
async function jobsBeforeClosing(action: 'open' | 'quit'): Promise<JobsOnClose | null> {
  const running = await core.runningJobs();
  if (running === 0) return 'wait';
  const options = {
    type: 'question' as const,
    message: `Đang có ${running} công việc chạy (nhập hoặc xuất dữ liệu).`,
    detail:
      'Chờ: các công việc chạy xong rồi mới đóng tệp dữ liệu; thanh tiến độ vẫn hiện trong cửa sổ.\n' +
      'Hủy: các công việc dừng ngay, những gì chúng đang ghi dở không được lưu.',
    buttons:
      action === 'open'
        ? ['Chờ xong rồi mở tệp khác', 'Hủy các công việc và mở tệp khác', 'Giữ tệp đang mở']
        : ['Chờ xong rồi thoát', 'Hủy các công việc và thoát', 'Không thoát'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0 ? 'wait' : response === 1 ? 'cancel' : null;
}

/** Whether a form in the window holds changes not yet saved (the renderer's `reportUnsaved`). */
let unsaved = false;
/** Set once the person chose to give those changes up: leaving the page asks no more. */
let unsavedGivenUp = false;

/**
 * Asks, when a form holds changes not yet saved, whether to give them up (the renderer asks the
 * same within the window); true when there are none or the person gives them up. Synchronous, as
 * `will-prevent-unload` must decide before it returns.
 */
function giveUpUnsaved(): boolean {
  if (!unsaved || unsavedGivenUp || !window) return true;
  const response = dialog.showMessageBoxSync(window, {
    type: 'question',
    message: 'Bỏ các thay đổi chưa lưu?',
    detail: 'Những gì vừa nhập hoặc sửa trong biểu mẫu chưa được lưu và sẽ mất.',
    buttons: ['Bỏ thay đổi', 'Tiếp tục sửa'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  unsavedGivenUp = response === 0;
  return unsavedGivenUp;
}

/** Set while another data file is being chosen and opened: the menu item waits for it. */
let choosing = false;

async function chooseDatabase(mode: 'open' | 'create'): Promise<void> {
  if (choosing) return;
  choosing = true;
  try {
    await chooseAndOpen(mode);
  } finally {
    choosing = false;
  }
}

async function chooseAndOpen(mode: 'open' | 'create'): Promise<void> {
  const filters = [{ name: 'Dữ liệu HTX Desk', extensions: ['sqlite'] }];
  const file =
    mode === 'open'
      ? (await dialog.showOpenDialog({ title: 'Mở tệp dữ liệu', filters, properties: ['openFile'] })).filePaths[0]
      : (await dialog.showSaveDialog({ title: 'Tạo tệp dữ liệu mới', filters, defaultPath: databaseFileName })).filePath;
  if (!file) return;
  // The file already open: opening it a second time would find its own lock and be read-only.
  if (resolve(file) === resolve(databaseFile)) return;
  // The window starts over on the other file: typed work would be lost, and it is asked about first.
  if (!giveUpUnsaved()) return;
  const jobs = await jobsBeforeClosing('open');
  if (!jobs) {
    unsavedGivenUp = false;
    return;
  }
  try {
    const opened = await core.reopen(openOptions(file), jobs);
    databaseFile = file;
    announceBackup(opened.backupFile);
  } catch (error) {
    // The file that was open is open again.
    dialog.showErrorBox('Không mở được tệp dữ liệu', messageOf(error));
  }
  // Whichever file is open now, the window starts over on it: the jobs it showed are gone.
  window?.reload();
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Tệp',
      submenu: [
        { label: 'Mở tệp dữ liệu khác…', click: () => void chooseDatabase('open') },
        { label: 'Tạo tệp dữ liệu mới…', click: () => void chooseDatabase('create') },
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        { label: 'Tải lại', role: 'reload' },
        { label: 'Phóng to', role: 'zoomIn' },
        { label: 'Thu nhỏ', role: 'zoomOut' },
        { label: 'Cỡ chữ mặc định', role: 'resetZoom' },
        { label: 'Toàn màn hình', role: 'togglefullscreen' },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Set once the data file is closed and the app may quit. */
let closed = false;
let closing = false;

/** Closing the window closes the data file first, after asking what becomes of running jobs. */
async function closeDataFileThenQuit(): Promise<void> {
  if (closing) return;
  closing = true;
  if (!giveUpUnsaved()) {
    closing = false;
    return;
  }
  const jobs = await jobsBeforeClosing('quit');
  if (!jobs) {
    unsavedGivenUp = false;
    closing = false;
    return;
  }
  // Cancelled jobs roll back at once; should the core not answer, quitting ends it (SQLite keeps the file whole).
  await (jobs === 'cancel' ? Promise.race([core.close(jobs), delay(CLOSE_ON_QUIT_MS)]) : core.close(jobs));
  closed = true;
  app.quit();
}

function createWindow(): void {
  window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'HTX Desk',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  window.on('close', (event) => {
    if (closed) return;
    event.preventDefault();
    void closeDataFileThenQuit();
  });
  window.on('closed', () => (window = null));
  // The renderer holds leaving the page while a form has unsaved changes (`beforeunload`): a
  // reload asks here, closing the window and opening another file asked before they began.
  window.webContents.on('will-prevent-unload', (event) => {
    if (giveUpUnsaved()) event.preventDefault();
  });
  // A page loaded anew (not a move within it) holds no form yet.
  window.webContents.on('did-navigate', () => {
    unsaved = false;
    unsavedGivenUp = false;
  });
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devServer) void window.loadURL(devServer);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

/** The window asks nothing of the system: no camera, microphone, location, notifications, clipboard reading… */
function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions();
  const file = databaseFileFromArgs();
  try {
    const opened = await core.open(openOptions(file));
    databaseFile = file;
    announceBackup(opened.backupFile);
  } catch (error) {
    dialog.showErrorBox('Không mở được tệp dữ liệu', messageOf(error));
    closed = true;
    app.quit();
    return;
  }
  ipcMain.handle('api', (event, channel: unknown, input: unknown) => {
    if (event.senderFrame !== window?.webContents.mainFrame) {
      return { ok: false, error: { kind: 'internal', message: 'Yêu cầu không đến từ cửa sổ của HTX Desk.' } };
    }
    return core.dispatch(channel, input);
  });
  ipcMain.on('unsaved', (event, flag: unknown) => {
    if (event.senderFrame === window?.webContents.mainFrame) unsaved = flag === true;
  });
  buildMenu();
  createWindow();
}

// The app shows only its own pages: no navigation away, no new windows, no embedded views.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

// One HTX Desk at a time: a second start brings the first one's window forward and ends.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void start();
} else {
  app.quit();
}
