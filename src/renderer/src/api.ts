/**
 * The renderer's one way to reach the backend. Inside Electron the preload's `window.api` carries
 * the call over IPC; in a browser (the web host) the same call is a POST to `/api/<channel>`.
 * Either way the answer is a Result, and a failed Result becomes a thrown ApiError so that
 * TanStack Query sees it as an error.
 */
import type { Api, Channel, InputOf, OutputOf } from '../../shared/contract';
import type { AppError, Result } from '../../shared/errors';

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

/** Transport failures have no Result of their own; they are reported as `internal` errors. */
function unreachable(detail: string): AppError {
  return {
    kind: 'internal',
    message: `Không liên lạc được với phần xử lý dữ liệu của HTX Desk (${detail}). Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại ứng dụng.`,
  };
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function overHttp(channel: Channel, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input }),
    });
  } catch {
    return { ok: false, error: unreachable('mất kết nối') };
  }
  // Error statuses still carry a Result; only a body that is not one means the host itself failed.
  const body: unknown = await response.json().catch(() => null);
  return isResult(body) ? body : { ok: false, error: unreachable(`mã ${response.status}`) };
}

async function overIpc(api: Api, channel: Channel, input: unknown): Promise<Result<unknown>> {
  try {
    // The preload only forwards; the channel's own schema checks the input in the main process.
    return await api.invoke(channel, input as InputOf<Channel>);
  } catch {
    return { ok: false, error: unreachable('IPC') };
  }
}

export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  // Looked up at call time, not at import, so a preload (or a test) that sets it later is used.
  const result = window.api ? await overIpc(window.api, channel, input) : await overHttp(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as OutputOf<C>;
}

/** The message to show for any error a query or mutation reports. */
export function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.error.message : fallback;
}
