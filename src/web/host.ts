/**
 * The web host: the same contract as the desktop app, over HTTP on 127.0.0.1, plus the built
 * renderer. It exists so the whole app runs in a browser for development and end-to-end tests.
 * This thread only serves files and carries calls: `dispatch` hands them to the core in its worker.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../shared/contentSecurity';
import { httpStatusOf, type Result } from '../shared/errors';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * No call of the contract nests deeper than a few levels. JSON.parse takes 18 s over a body of
 * 9 million nested brackets, so such a body is refused before it is parsed.
 */
export const MAX_JSON_DEPTH = 32;

/** Sent with every answer: the window's policy, and no framing, sniffing or referrer. */
const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Answers one call of the contract; never throws. */
export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

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

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Whether arrays and objects in a JSON text nest deeper than `limit`, found in one pass over its
 * bytes (brackets inside strings do not count; UTF-8 never puts `"` or `\` inside a character).
 */
function nestsDeeperThan(json: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < json.length; index += 1) {
    const byte = json[index];
    if (inString) {
      if (byte === 0x5c) index += 1;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
  return false;
}

/**
 * A browser says where a request comes from (`Origin`, and `Sec-Fetch-Site`); only the host's own
 * pages may call. A client that is no browser sends neither, and is no web page to guard against.
 */
function fromOwnPage(request: IncomingMessage, ownOrigins: ReadonlySet<string>): boolean {
  const { origin } = request.headers;
  const site = request.headers['sec-fetch-site'];
  return (origin === undefined || ownOrigins.has(origin)) && (site === undefined || site === 'same-origin');
}

/** Answers POST /api/<channel> with a body `{"input": …}`: the HTTP status and the Result. */
async function answerApi(dispatch: Dispatch, ownOrigins: ReadonlySet<string>, channel: string, request: IncomingMessage): Promise<[number, Result<unknown>]> {
  if (request.method !== 'POST') return refusal(405, 'Chỉ nhận yêu cầu POST.');
  if (!fromOwnPage(request, ownOrigins)) {
    return refusal(403, 'Yêu cầu đến từ một trang web khác nên bị từ chối: HTX Desk chỉ nhận yêu cầu từ chính giao diện của mình.');
  }
  // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
  if (!request.headers['content-type']?.startsWith('application/json')) {
    return refusal(415, 'Yêu cầu phải gửi dữ liệu dạng JSON.');
  }
  const body = await readBody(request);
  if (body === null) return refusal(413, 'Dữ liệu gửi lên quá lớn.');
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
    return refusal(400, `Dữ liệu gửi lên lồng nhau quá ${MAX_JSON_DEPTH} tầng nên bị từ chối.`);
  }
  let envelope: unknown;
  try {
    envelope = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return refusal(400, 'Dữ liệu gửi lên không phải JSON hợp lệ.');
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    return refusal(400, 'Dữ liệu gửi lên phải có dạng {"input": …}.');
  }
  const result = await dispatch(decodeURIComponent(channel), (envelope as { input?: unknown }).input);
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
    // The build names its scripts and styles by their content (assets/index-<hash>.js): a name
    // always means the same bytes, so the browser keeps them across restarts of the host instead of
    // loading the window's 4 MB again before Tổng quan can ask for anything. The page is asked anew.
    const immutable = relative.startsWith(`assets${sep}`);
    response.writeHead(200, {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      ...(immutable ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {}),
    });
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

export function startWebHost({ dispatch, port, rendererDir }: { dispatch: Dispatch; port: number; rendererDir: string }): Promise<WebHost> {
  // Known once the server listens, before any request is taken.
  let ownOrigins: ReadonlySet<string> = new Set();
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
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
      ? answerApi(dispatch, ownOrigins, api[1], request).then(([status, result]) => sendJson(response, status, result))
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
      ownOrigins = new Set([`http://127.0.0.1:${bound}`, `http://localhost:${bound}`]);
      resolve({
        url: `http://127.0.0.1:${bound}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
