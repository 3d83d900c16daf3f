/**
 * The Electron shell, kept thin: the window, the menu, native dialogs, and the contract's handler
 * table registered on one IPC channel. Everything else lives in src/core.
 */
import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { databaseFileName, openApp, type OpenedApp } from '../core/app';
import { dispatch } from '../core/handlers';

let opened: OpenedApp | null = null;
let window: BrowserWindow | null = null;

function databaseFileFromArgs(): string {
  const index = process.argv.indexOf('--db');
  const file = index >= 0 ? process.argv[index + 1] : undefined;
  return file ?? join(app.getPath('userData'), databaseFileName);
}

/** The system's viewer for the file's type; the path always comes from the backend's own folders. */
async function openWithSystemViewer(path: string): Promise<void> {
  const failure = await shell.openPath(path);
  if (failure !== '') throw new Error(failure);
}

/** Opens a database file; on failure says why in a native dialog and keeps what was open. */
function openDatabaseFile(file: string): boolean {
  // The file already open: opening it a second time would find its own lock and be read-only.
  if (opened && resolve(file) === resolve(opened.ctx.databaseFile)) return true;
  try {
    const next = openApp({
      databaseFile: file,
      appRoot: app.getAppPath(),
      appVersion: app.getVersion(),
      desktop: { openPath: openWithSystemViewer },
    });
    opened?.close();
    opened = next;
    if (next.backupFile) {
      void dialog.showMessageBox({
        type: 'info',
        message: 'Đã cập nhật cấu trúc dữ liệu',
        detail: `Bản sao dữ liệu trước khi cập nhật được lưu tại:\n${next.backupFile}`,
      });
    }
    return true;
  } catch (error) {
    dialog.showErrorBox('Không mở được tệp dữ liệu', error instanceof Error ? error.message : String(error));
    return false;
  }
}

async function chooseDatabase(mode: 'open' | 'create'): Promise<void> {
  const filters = [{ name: 'Dữ liệu HTX Desk', extensions: ['sqlite'] }];
  const file =
    mode === 'open'
      ? (await dialog.showOpenDialog({ title: 'Mở tệp dữ liệu', filters, properties: ['openFile'] })).filePaths[0]
      : (await dialog.showSaveDialog({ title: 'Tạo tệp dữ liệu mới', filters, defaultPath: databaseFileName })).filePath;
  if (file && openDatabaseFile(file)) window?.reload();
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
  // The app shows only its own pages: no navigation away, no new windows.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devServer) void window.loadURL(devServer);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

void app.whenReady().then(() => {
  if (!openDatabaseFile(databaseFileFromArgs())) {
    app.quit();
    return;
  }
  ipcMain.handle('api', (event, channel: unknown, input: unknown) => {
    if (event.senderFrame !== window?.webContents.mainFrame) {
      return { ok: false, error: { kind: 'internal', message: 'Yêu cầu không đến từ cửa sổ của HTX Desk.' } };
    }
    if (!opened) return { ok: false, error: { kind: 'internal', message: 'Chưa mở tệp dữ liệu.' } };
    return dispatch(opened.ctx, channel, input);
  });
  buildMenu();
  createWindow();
});

app.on('window-all-closed', () => {
  opened?.close();
  app.quit();
});
