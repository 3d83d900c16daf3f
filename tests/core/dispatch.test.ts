import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/handlers';
import { call, callFailing, journalEntries, openTestApp } from './support';

let app: ReturnType<typeof openTestApp>;
beforeEach(() => (app = openTestApp()));
afterEach(() => app.close());

describe('the dispatcher every transport goes through', () => {
  it('answers a known channel', async () => {
    expect(await call(app, 'app:info', undefined)).toEqual({ version: '0.0.0-test', databaseFile: app.ctx.databaseFile, schemaVersion: journalEntries().length });
    const provinces = await call(app, 'places:provinces', undefined);
    expect(provinces).toHaveLength(34);
    expect(provinces.find((province) => province.code === '82')?.fullName).toBe('Tỉnh Đồng Tháp');
  });

  it('names an unknown channel', async () => {
    expect(await callFailing(app, 'organizations:drop', {})).toEqual({
      kind: 'notFound',
      message: 'HTX Desk không có chức năng «organizations:drop».',
    });
  });

  it('explains input of the wrong shape in Vietnamese, with the field path', async () => {
    const error = await callFailing(app, 'organizations:list', { page: 'một' });
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'page', message: expect.stringContaining('mong đợi số') as unknown }] });
  });

  it('hides unexpected failures behind a plain message and logs them', async () => {
    app.ctx.db.$client.exec('DROP TABLE organizations');
    const logged: unknown[] = [];
    const result = await dispatch(app.ctx, 'organizations:list', { page: 1 }, { log: (error) => logged.push(error) });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'Đã có lỗi ngoài dự kiến; dữ liệu đã lưu không bị ảnh hưởng. Hãy thử lại hoặc báo cho người quản trị.' },
    });
    expect(String(logged[0])).toContain('no such table: organizations');
  });
});
