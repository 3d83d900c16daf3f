/**
 * The web host: the same contract as the desktop app, over HTTP on 127.0.0.1, plus the built
 * renderer. It exists so the whole app runs in a browser for development and end-to-end tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Context } from '../core/context';
import { dispatch } from '../core/handlers';
import { httpStatusOf, type Result } from '../shared/errors';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, result: Result<unknown>): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(result));
}

function refusal(status: number, message: string): [number, Result<unknown>] {
  return [status, { ok: false, error: { kind: 'validation', message, issues: [] } }];
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers POST /api/<channel> with a body `{"input": …}`: the HTTP status and the Result. */
async function answerApi(ctx: Context, channel: string, request: IncomingMessage): Promise<[number, Result<unknown>]> {
  if (request.method !== 'POST') return refusal(405, 'Chỉ nhận yêu cầu POST.');
  // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
  if (!request.headers['content-type']?.startsWith('application/json')) {
    return refusal(415, 'Yêu cầu phải gửi dữ liệu dạng JSON.');
  }
  const body = await readBody(request);
  if (body === null) return refusal(413, 'Dữ liệu gửi lên quá lớn.');
  let envelope: unknown;
  try {
    envelope = body === '' ? {} : JSON.parse(body);
  } catch {
    return refusal(400, 'Dữ liệu gửi lên không phải JSON hợp lệ.');
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    return refusal(400, 'Dữ liệu gửi lên phải có dạng {"input": …}.');
  }
  const result = await dispatch(ctx, decodeURIComponent(channel), (envelope as { input?: unknown }).input);
  return [result.ok ? 200 : httpStatusOf[result.error.kind], result];
}

async function serveStatic(rendererDir: string, path: string, response: ServerResponse) {
  const relative = normalize(decodeURIComponent(path)).replace(/^[/\\]+/, '');
  const file = join(rendererDir, relative === '' ? 'index.html' : relative);
  if (!file.startsWith(rendererDir + sep) && file !== rendererDir) {
    response.writeHead(403).end();
    return;
  }
  try {
    const content = await readFile(file);
    response.writeHead(200, { 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' });
    response.end(content);
  } catch {
    // The renderer routes in the browser; unknown paths get the app shell.
    try {
      const index = await readFile(join(rendererDir, 'index.html'));
      response.writeHead(200, { 'Content-Type': contentTypes['.html'] ?? 'text/html' }).end(index);
    } catch {
      response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Chưa có giao diện đã build. Hãy chạy: npm run build');
    }
  }
}

export function startWebHost({ ctx, port, rendererDir }: { ctx: Context; port: number; rendererDir: string }): Promise<WebHost> {
  const server = createServer((request, response) => {
    // Leading slashes are collapsed: `//x` would otherwise read as a URL of another host.
    const url = request.url?.startsWith('/') ? URL.parse(request.url.replace(/^\/+/, '/'), 'http://127.0.0.1') : null;
    if (!url) {
      response.writeHead(400).end();
      return;
    }
    // Refuse other host names, so a web page cannot reach us through DNS rebinding.
    const hostName = (request.headers.host ?? '').replace(/:\d+$/, '');
    if (hostName !== '127.0.0.1' && hostName !== 'localhost') {
      response.writeHead(421).end();
      return;
    }
    const api = /^\/api\/([^/]+)$/.exec(url.pathname);
    const work = api?.[1]
      ? answerApi(ctx, api[1], request).then(([status, result]) => sendJson(response, status, result))
      : serveStatic(rendererDir, url.pathname, response);
    work.catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendJson(response, ...refusal(500, 'Đã có lỗi ngoài dự kiến.'));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
