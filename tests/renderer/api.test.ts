import { describe, expect, it, vi } from 'vitest';
import { ApiError, call } from '../../src/renderer/src/api';
import { alliance, installFakeApi, ok } from './fakeApi';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('api client', () => {
  it('uses the preload bridge when there is one', async () => {
    const invoke = installFakeApi({ 'alliance:get': () => ok(alliance) });
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);

    expect(await call('alliance:get', undefined)).toEqual(alliance);
    expect(invoke).toHaveBeenCalledWith('alliance:get', undefined);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('posts to /api/<channel> in a browser', async () => {
    const fetchSpy = vi.fn(() => Promise.resolve(jsonResponse(200, { ok: true, value: { rows: [], total: 0 } })));
    vi.stubGlobal('fetch', fetchSpy);

    expect(await call('organizations:list', { query: 'my hiep', page: 2, pageSize: 50 })).toEqual({ rows: [], total: 0 });
    expect(fetchSpy).toHaveBeenCalledWith('/api/organizations:list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: { query: 'my hiep', page: 2, pageSize: 50 } }),
    });
  });

  it('throws the backend error carried by an error status', async () => {
    const error = { kind: 'conflict', message: 'Mã số HTX 1400123456 đã có: HTX Mỹ Hiệp.', existingId: 7 };
    vi.stubGlobal('fetch', () => Promise.resolve(jsonResponse(409, { ok: false, error })));

    const thrown = await call('organizations:get', { id: 7 }).catch((caught: unknown) => caught);
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).error).toEqual(error);
    expect((thrown as ApiError).message).toBe(error.message);
  });

  it('reports a host that answers without a result as an internal error', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('Bad gateway', { status: 502 })));

    const thrown = await call('app:info', undefined).catch((caught: unknown) => caught);
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).error.kind).toBe('internal');
    expect((thrown as ApiError).message).toContain('mã 502');
  });
});
