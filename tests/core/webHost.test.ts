import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src/web/host';
import { openTestApp } from './support';

let app: ReturnType<typeof openTestApp>;
let host: WebHost;
let rendererDir: string;

beforeAll(async () => {
  app = openTestApp();
  rendererDir = mkdtempSync(join(tmpdir(), 'htx-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>HTX Desk</title>');
  host = await startWebHost({ ctx: app.ctx, port: 0, rendererDir });
});
afterAll(async () => {
  await host.close();
  app.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

function post(path: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  return fetch(new URL(path, host.url), { method: 'POST', body, headers });
}

describe('the web host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the contract as JSON results', async () => {
    const response = await post('/api/alliance:get', JSON.stringify({}));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, value: null });
  });

  it('answers bad requests with a non-2xx status and a Vietnamese message, storing nothing', async () => {
    const cases: [Response, number, string][] = [
      [await post('/api/alliance:save', '{"input": {"name": '), 400, 'Dữ liệu gửi lên không phải JSON hợp lệ.'],
      [await post('/api/alliance:save', '[1,2]'), 400, 'Dữ liệu gửi lên phải có dạng {"input": …}.'],
      [await post('/api/alliance:save', '{}', { 'Content-Type': 'text/plain' }), 415, 'Yêu cầu phải gửi dữ liệu dạng JSON.'],
      [await post('/api/organizations:drop', '{}'), 404, 'HTX Desk không có chức năng «organizations:drop».'],
      [await post('/api/alliance:save', JSON.stringify({ input: { name: '', provinceCode: '91' } })), 400, 'Tên Liên minh không được để trống.'],
      [await fetch(new URL('/api/alliance:get', host.url)), 405, 'Chỉ nhận yêu cầu POST.'],
    ];
    for (const [response, status, message] of cases) {
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(message);
    }
    expect(app.ctx.db.$client.prepare('SELECT count(*) FROM alliance').pluck().get()).toBe(0);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { port } = new URL(host.url);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/', headers: { Host: 'evil.example:80' } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });

  it('serves the renderer, with the app shell for unknown paths and nothing outside its folder', async () => {
    expect(await (await fetch(new URL('/thanh-vien', host.url))).text()).toContain('<title>HTX Desk</title>');
    const escape = await fetch(new URL('/..%2F..%2Fetc%2Fpasswd', host.url));
    expect(await escape.text()).not.toContain('root:');
  });

  it('takes a path with doubled slashes as the same path, and keeps answering', async () => {
    const raw = (path: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        request({ host: '127.0.0.1', port: new URL(host.url).port, path, headers: { host: '127.0.0.1' } }, (response) => {
          response.resume();
          resolve(response.statusCode);
        })
          .on('error', reject)
          .end();
      });
    expect(await raw('//')).toBe(200);
    expect(await raw('//api//x')).toBe(200);
    expect(await raw('http://127.0.0.1/')).toBe(400);
    expect((await fetch(new URL('/', host.url))).status).toBe(200);
  });
});
