import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, call, callFailing, openTestApp } from './support';

let app: ReturnType<typeof openTestApp>;
beforeEach(() => (app = openTestApp()));
afterEach(() => app.close());

describe('the alliance record', () => {
  it('is absent on first run, then saved and updated', async () => {
    expect(await call(app, 'alliance:get', undefined)).toBeNull();
    await call(app, 'alliance:save', { name: ' Liên minh  HTX tỉnh An Giang', provinceCode: AN_GIANG, chairName: 'Nguyễn Văn A' });
    expect(await call(app, 'alliance:get', undefined)).toEqual({
      name: 'Liên minh HTX tỉnh An Giang',
      provinceCode: AN_GIANG,
      address: '',
      chairName: 'Nguyễn Văn A',
      phone: '',
      email: '',
    });
    await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG, email: 'lmhtx@angiang.gov.vn' });
    expect(await call(app, 'alliance:get', undefined)).toMatchObject({ name: 'Liên minh Hợp tác xã tỉnh An Giang', email: 'lmhtx@angiang.gov.vn', chairName: '' });
    const actions = app.ctx.db.$client.prepare("SELECT action FROM audit_log WHERE entity = 'alliance' ORDER BY id").pluck().all();
    expect(actions).toEqual(['create', 'update']);
  });

  it('refuses an unknown province and a malformed e-mail, keeping what was stored', async () => {
    await call(app, 'alliance:save', { name: 'Liên minh HTX tỉnh An Giang', provinceCode: AN_GIANG });
    const unknown = await callFailing(app, 'alliance:save', { name: 'X', provinceCode: '99' });
    expect(unknown).toMatchObject({ kind: 'validation', issues: [{ path: 'provinceCode', message: 'Tỉnh, thành phố không có trong danh sách 34 tỉnh, thành phố hiện hành.' }] });
    const email = await callFailing(app, 'alliance:save', { name: 'X', provinceCode: AN_GIANG, email: 'lmhtx@' });
    expect(email).toMatchObject({ kind: 'validation', issues: [{ path: 'email' }] });
    expect((await call(app, 'alliance:get', undefined))?.name).toBe('Liên minh HTX tỉnh An Giang');
  });
});
