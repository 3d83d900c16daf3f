/**
 * The desktop app's second check before the system viewer opens a file (src/main/dataFolder.ts):
 * a regular file inside the data folder, reached without any link. Plain Node, no Electron.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInsideFolder } from '../../src/main/dataFolder';

let dir: string;
let folder: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'htx-data-folder-'));
  folder = join(dir, 'htx-desk-tep');
  mkdirSync(join(folder, 'dinh-kem', '7'), { recursive: true });
  writeFileSync(join(folder, 'dinh-kem', '7', 'Biên bản ký kết.pdf'), '%PDF');
  writeFileSync(join(dir, 'passwd'), 'root:x:0:0');
  writeFileSync(join(dir, 'htx-desk-tep-khac.pdf'), '%PDF');
  symlinkSync(join(dir, 'passwd'), join(folder, 'dinh-kem', '7', 'lien-ket.pdf'));
  symlinkSync(dir, join(folder, 'dinh-kem', 'thu-muc-lien-ket'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a file the desktop app may open', () => {
  it('is a regular file inside the data folder', () => {
    const scan = join(folder, 'dinh-kem', '7', 'Biên bản ký kết.pdf');
    expect(fileInsideFolder(folder, scan)).toBe(scan);
    expect(fileInsideFolder(`${folder}/`, join(folder, 'dinh-kem', '.', '7', 'Biên bản ký kết.pdf'))).toBe(scan);
  });

  it('is never outside it, however the path is written', () => {
    for (const path of [
      join(dir, 'passwd'),
      join(folder, 'dinh-kem', '..', '..', 'passwd'),
      `${folder}/dinh-kem/7/../../../passwd`,
      join(dir, 'htx-desk-tep-khac.pdf'),
      '/etc/passwd',
      'passwd',
    ]) {
      expect(fileInsideFolder(folder, path), path).toBeNull();
    }
  });

  it('is reached without a link, a folder, or nothing at all', () => {
    expect(fileInsideFolder(folder, join(folder, 'dinh-kem', '7', 'lien-ket.pdf'))).toBeNull();
    expect(fileInsideFolder(folder, join(folder, 'dinh-kem', 'thu-muc-lien-ket', 'passwd'))).toBeNull();
    expect(fileInsideFolder(folder, join(folder, 'dinh-kem', '7'))).toBeNull();
    expect(fileInsideFolder(folder, folder)).toBeNull();
    expect(fileInsideFolder(folder, join(folder, 'dinh-kem', '7', 'khong-co.pdf'))).toBeNull();
  });
});
