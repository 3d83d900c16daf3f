import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/handlers';
import { MAX_JSON_DEPTH, startWebHost, type WebHost } from '../../src/web/host';
import { openTestApp } from './support';

let app: ReturnType<typeof openTestApp>;
let host: WebHost;
let rendererDir: string;

beforeAll(async () => {
  app = openTestApp();
  rendererDir = mkdtempSync(join(tmpdir(), 'htx-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>HTX Desk</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'index-Cx1.js'), 'export {};');
  // The core in this thread, so that the test can look into its database; the worker that
  // carries it in `npm run web` is tested in coreHost.test.ts and by the end-to-end journeys.
  host = await startWebHost({ dispatch: (channel, input) => dispatch(app.ctx, channel, input), port: 0, rendererDir });
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
    // The build's scripts, named by their content, are kept by the browser; the page is asked anew.
    const script = await fetch(new URL('/assets/index-Cx1.js', host.url));
    expect([await script.text(), script.headers.get('cache-control')]).toEqual(['export {};', 'public, max-age=31536000, immutable']);
    expect((await fetch(new URL('/', host.url))).headers.get('cache-control')).toBeNull();
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

describe('the web host, against other pages and hostile bodies', () => {
  const allianceCount = () => app.ctx.db.$client.prepare('SELECT count(*) FROM alliance').pluck().get();
  const save = JSON.stringify({ input: { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' } });
  const messageOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

  it('sends its policy with every answer: its own content only, never framed, never sniffed', async () => {
    for (const response of [await fetch(new URL('/', host.url)), await post('/api/alliance:get', '{}')]) {
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('takes calls from its own pages, and refuses those of any other, storing nothing', async () => {
    const { port } = new URL(host.url);
    const refused: [Record<string, string>, string][] = [
      [{ Origin: 'http://evil.example' }, 'another site'],
      [{ Origin: `http://127.0.0.1:${Number(port) + 1}` }, 'another port'],
      [{ Origin: 'null' }, 'a sandboxed frame or a file'],
      [{ 'Sec-Fetch-Site': 'cross-site' }, 'a browser that sent no Origin'],
      [{ Origin: `http://127.0.0.1:${port}`, 'Sec-Fetch-Site': 'same-site' }, 'a sibling site'],
    ];
    for (const [headers, what] of refused) {
      const response = await post('/api/alliance:save', save, { 'Content-Type': 'application/json', ...headers });
      expect(response.status, what).toBe(403);
      expect(await messageOf(response)).toBe('Yêu cầu đến từ một trang web khác nên bị từ chối: HTX Desk chỉ nhận yêu cầu từ chính giao diện của mình.');
    }
    expect(allianceCount()).toBe(0);

    const own = await post('/api/alliance:save', save, { 'Content-Type': 'application/json', Origin: `http://localhost:${port}`, 'Sec-Fetch-Site': 'same-origin' });
    expect(own.status).toBe(200);
    expect(allianceCount()).toBe(1);
  });

  it('refuses a body nested deeper than any call needs before parsing it, and keeps answering', async () => {
    // 9 million levels: JSON.parse alone takes 18 s on it.
    const deep = `{"input":${'['.repeat(9_000_000)}${']'.repeat(9_000_000)}}`;
    const response = await post('/api/organizations:list', deep);
    expect(response.status).toBe(400);
    expect(await messageOf(response)).toBe(`Dữ liệu gửi lên lồng nhau quá ${MAX_JSON_DEPTH} tầng nên bị từ chối.`);

    const nested = (levels: number) => `{"input":{"query":"x","a":${'['.repeat(levels - 2)}${']'.repeat(levels - 2)}}}`;
    expect((await post('/api/organizations:list', nested(MAX_JSON_DEPTH + 1))).status).toBe(400);
    // At the limit the body is parsed, and the call's own schema answers (unknown keys are dropped).
    expect((await post('/api/organizations:list', nested(MAX_JSON_DEPTH))).status).toBe(200);

    // Brackets inside a text are text: a search for them is an ordinary call.
    const brackets = await post('/api/organizations:list', JSON.stringify({ input: { query: `${'['.repeat(150)}\\"{` } }));
    expect(brackets.status).toBe(200);
    expect(((await brackets.json()) as { value: { total: number } }).value.total).toBe(0);
  });

  it('still refuses a body larger than 20 MB', async () => {
    const response = await post('/api/organizations:list', `{"input":{"query":"${'a'.repeat(21 * 1024 * 1024)}"}}`);
    expect(response.status).toBe(413);
    expect(await messageOf(response)).toBe('Dữ liệu gửi lên quá lớn.');
  });
});
