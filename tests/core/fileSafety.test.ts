/**
 * Files stay in their folder: a data file made elsewhere may carry any stored name and its data
 * folder any links, and still nothing outside the data folder is read, opened or deleted.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/handlers';
import { stagedFile } from '../../src/core/files';
import type { AppError } from '../../src/shared/errors';
import { analysisFailure } from './importWorkbooks';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN } from './support';

let app: ReturnType<typeof openTestApp>;
/** A folder outside the data folder, holding a file nobody may read or delete through the app. */
let outside: string;
let secret: string;
let agreementId: number;

beforeEach(async () => {
  app = openTestApp();
  outside = mkdtempSync(join(tmpdir(), 'htx-outside-'));
  secret = join(outside, 'bi-mat.pdf');
  writeFileSync(secret, 'thư riêng, không thuộc HTX Desk');
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  agreementId = await newAgreement('Biên bản ghi nhớ tiêu thụ lúa');
});
afterEach(() => {
  app.close();
  rmSync(outside, { recursive: true, force: true });
});

async function newAgreement(title: string): Promise<number> {
  const seller = (await call(app, 'organizations:create', { kind: 'htx', name: `HTX bán ${title}`, communeCode: XA_VINH_AN })).id;
  const buyer = (await call(app, 'partners:create', { kind: 'enterprise', name: `Công ty mua ${title}`, provinceCode: '01' })).id;
  const parties = [
    { kind: 'organization' as const, id: seller, role: 'seller' as const },
    { kind: 'partner' as const, id: buyer, role: 'buyer' as const },
  ];
  return (await call(app, 'agreements:create', { kind: 'mou', title, draft: true, parties, commitments: [] })).id;
}

async function upload(fileName: string, bytes: Buffer | string): Promise<string> {
  const { fileId } = await call(app, 'files:begin', { fileName });
  await call(app, 'files:append', { fileId, chunk: Buffer.from(bytes).toString('base64') });
  return fileId;
}

/** An attachment row as a data file made elsewhere could hold it. */
function craftedAttachment(storedName: string, forAgreement = agreementId): number {
  const result = app.ctx.db.$client
    .prepare(
      `INSERT INTO agreement_attachments (agreement_id, file_name, stored_name, size, media_type, added_at)
       VALUES (?, 'bien-ban.pdf', ?, 10, 'application/pdf', '2026-11-23T08:00:00.000Z')`,
    )
    .run(forAgreement, storedName);
  return Number(result.lastInsertRowid);
}

/** What the three calls on an attachment do: read, open in the desktop app, remove. */
async function readOpenRemove(attachmentId: number): Promise<{ read: AppError; open: AppError; opened: string[] }> {
  const read = await callFailing(app, 'agreements:readAttachment', { attachmentId, offset: 0 });
  const opened: string[] = [];
  const desktop = { ...app.ctx, desktop: { openPath: (path: string) => Promise.resolve(void opened.push(path)) } };
  const result = await dispatch(desktop, 'agreements:openAttachment', { attachmentId }, { log: () => undefined });
  if (result.ok) throw new Error('opening should have been refused');
  await call(app, 'agreements:removeAttachment', { id: attachmentId });
  return { read, open: result.error, opened };
}

const refusal = /^Tệp đính kèm «bien-ban.pdf» không nằm trong thư mục đính kèm của thỏa thuận này/;

describe('a stored name that leaves the data folder', () => {
  it('is neither read, nor opened, nor deleted: only its row is removed', async () => {
    const climbing = relative(app.ctx.dataDir, secret).split(/[\\/]/).join('/');
    const names = [
      `dinh-kem/${agreementId}/../../${climbing}`,
      `dinh-kem/../${climbing}`,
      secret,
      `dinh-kem/${agreementId}/${climbing}`,
      `dinh-kem\\${agreementId}\\..\\..\\${climbing}`,
    ];
    for (const storedName of names) {
      const id = craftedAttachment(storedName);
      const { read, open, opened } = await readOpenRemove(id);
      expect([read.kind, open.kind]).toEqual(['conflict', 'conflict']);
      expect(read.message).toMatch(refusal);
      expect(open.message).toBe(read.message);
      expect(opened).toEqual([]);
      expect(readFileSync(secret, 'utf8')).toBe('thư riêng, không thuộc HTX Desk');
    }
    expect((await call(app, 'agreements:get', { id: agreementId })).attachments).toEqual([]);
  });

  it('is refused when it points into another agreement’s folder', async () => {
    const other = await newAgreement('Thỏa thuận khác');
    const real = await call(app, 'agreements:addAttachment', { agreementId: other, fileId: await upload('hop-dong.pdf', '%PDF-1.4') });
    const id = craftedAttachment(`dinh-kem/${other}/hop-dong.pdf`);
    const { read, opened } = await readOpenRemove(id);
    expect(read.kind).toBe('conflict');
    expect(opened).toEqual([]);
    // The other agreement's own file is still there and still readable.
    expect(Buffer.from((await call(app, 'agreements:readAttachment', { attachmentId: real.id, offset: 0 })).chunk, 'base64').toString()).toBe('%PDF-1.4');
  });
});

describe('links in the data folder', () => {
  it('are not followed when the attachment itself is a link', async () => {
    const real = await call(app, 'agreements:addAttachment', { agreementId, fileId: await upload('bien-ban.pdf', '%PDF-1.4') });
    const stored = join(app.ctx.dataDir, 'dinh-kem', String(agreementId), 'bien-ban.pdf');
    unlinkSync(stored);
    symlinkSync(secret, stored);
    const { read, open, opened } = await readOpenRemove(real.id);
    expect([read.kind, open.kind]).toEqual(['conflict', 'conflict']);
    expect(read.message).toMatch(/hoặc là một lối tắt tới nơi khác/);
    expect(opened).toEqual([]);
    expect(readFileSync(secret, 'utf8')).toBe('thư riêng, không thuộc HTX Desk');
  });

  it('are not followed when the agreement’s folder, or the attachments folder, is a link', async () => {
    const real = await call(app, 'agreements:addAttachment', { agreementId, fileId: await upload('bi-mat.pdf', '%PDF-1.4') });
    const folder = join(app.ctx.dataDir, 'dinh-kem', String(agreementId));
    rmSync(folder, { recursive: true });
    symlinkSync(outside, folder);
    const { read, opened } = await readOpenRemove(real.id);
    expect(read.kind).toBe('conflict');
    expect(opened).toEqual([]);
    expect(existsSync(secret)).toBe(true);

    // Nor is a new attachment written through it.
    const fileId = await upload('moi.pdf', '%PDF-1.4');
    const refused = await callFailing(app, 'agreements:addAttachment', { agreementId, fileId });
    expect(refused.kind).toBe('conflict');
    expect(refused.message).toMatch(/^Thư mục tệp đính kèm \(dinh-kem\) trong thư mục dữ liệu đã bị thay bằng một lối tắt/);
    expect(readdirSync(outside)).toEqual(['bi-mat.pdf']);

    rmSync(folder);
    const attachments = join(app.ctx.dataDir, 'dinh-kem');
    rmSync(attachments, { recursive: true });
    mkdirSync(join(outside, String(agreementId)));
    symlinkSync(outside, attachments);
    expect((await callFailing(app, 'agreements:addAttachment', { agreementId, fileId })).kind).toBe('conflict');
    expect(readdirSync(join(outside, String(agreementId)))).toEqual([]);
  });

  it('are not followed in the staging folder: not read back, not attached, not imported', async () => {
    const fileId = await upload('danh-sach.csv', 'Tên HTX\nHTX Vĩnh Bình\n');
    const staged = stagedFile(app.ctx, fileId).path;
    unlinkSync(staged);
    symlinkSync(secret, staged);
    const refused = /^Tệp đã gửi không còn là một tệp thường trong thư mục dữ liệu/;
    const readBack = await callFailing(app, 'files:read', { fileId, offset: 0 });
    expect(readBack.kind).toBe('conflict');
    expect(readBack.message).toMatch(refused);
    expect(await callFailing(app, 'files:append', { fileId, chunk: 'AAAA' })).toMatchObject({ kind: 'conflict' });
    expect(await callFailing(app, 'agreements:addAttachment', { agreementId, fileId })).toMatchObject({ kind: 'conflict' });
    expect(await analysisFailure(app, fileId)).toEqual(readBack);
    expect(readFileSync(secret, 'utf8')).toBe('thư riêng, không thuộc HTX Desk');
    expect(lstatSync(staged).isSymbolicLink()).toBe(true);

    // The upload's folder itself swapped for a link to a folder holding a file.
    const other = await upload('bi-mat.pdf', 'x');
    const folder = dirname(stagedFile(app.ctx, other).path);
    rmSync(folder, { recursive: true });
    symlinkSync(outside, folder);
    expect(await callFailing(app, 'files:read', { fileId: other, offset: 0 })).toMatchObject({ kind: 'conflict' });
    expect(await callFailing(app, 'agreements:addAttachment', { agreementId, fileId: other })).toMatchObject({ kind: 'conflict' });
    expect(existsSync(secret)).toBe(true);
  });
});

describe('names', () => {
  it('takes a 204-letter Vietnamese name (more than 255 bytes) whole, and keeps a shortened one on disk', async () => {
    const name = `${'Biên bản ký kết thỏa thuận hợp tác tiêu thụ lúa gạo vụ Đông Xuân giữa Hợp tác xã Nông nghiệp Vĩnh Bình và Công ty Cổ phần Lương thực An Giang, có sự chứng kiến của Liên minh Hợp tác xã tỉnh An Giang năm 2026'.slice(0, 200)}.pdf`;
    expect(name.length).toBe(204);
    expect(Buffer.byteLength(name)).toBeGreaterThan(255);
    const first = await call(app, 'agreements:addAttachment', { agreementId, fileId: await upload(name, '%PDF-1.4 một') });
    const second = await call(app, 'agreements:addAttachment', { agreementId, fileId: await upload(name, '%PDF-1.4 hai') });
    expect([first.fileName, second.fileName]).toEqual([name, name]);
    const onDisk = readdirSync(join(app.ctx.dataDir, 'dinh-kem', String(agreementId))).sort();
    expect(onDisk).toHaveLength(2);
    for (const diskName of onDisk) {
      expect(Buffer.byteLength(diskName)).toBeLessThanOrEqual(255);
      expect(diskName.startsWith('Biên bản ký kết')).toBe(true);
      expect(diskName.endsWith('.pdf')).toBe(true);
    }
    const chunk = await call(app, 'agreements:readAttachment', { attachmentId: second.id, offset: 0 });
    expect(chunk.fileName).toBe(name);
    expect(Buffer.from(chunk.chunk, 'base64').toString()).toBe('%PDF-1.4 hai');
    // An upload staged under such a name reads back under it too.
    const fileId = await upload(name, 'abc');
    expect((await call(app, 'files:read', { fileId, offset: 0 })).fileName).toBe(name);
  });

  it('answers with a message, not an internal error, for names that look like an object’s own keys', async () => {
    for (const fileName of ['x.constructor', 'x.__proto__', 'x.toString', 'x.hasOwnProperty']) {
      const error = await callFailing(app, 'agreements:addAttachment', { agreementId, fileId: await upload(fileName, 'x') });
      expect(error).toMatchObject({ kind: 'validation', message: `Tệp «${fileName}» không phải loại được đính kèm. Hãy đính kèm bản chụp (PDF, JPG, PNG…) hoặc văn bản Word, Excel.` });
    }
    expect((await call(app, 'agreements:get', { id: agreementId })).attachments).toEqual([]);
  });

  it('drops control and direction characters from a name, and never writes a device name Windows cannot hold', async () => {
    const attachment = await call(app, 'agreements:addAttachment', { agreementId, fileId: await upload('CON\u0000\u202e.pdf', 'x') });
    expect(attachment.fileName).toBe('CON.pdf');
    expect(readdirSync(join(app.ctx.dataDir, 'dinh-kem', String(agreementId)))).toEqual(['_CON.pdf']);
  });
});
