/** A recorded fetch for the API modules' tests: every call's path, method and JSON body (tests only). */
import { vi } from 'vitest';
import { createHttp, type Http } from '../shared/http.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** An `Http` whose every request is answered with `reply` (and `status`). */
export function recordHttp(reply: unknown, status = 200): { http: Http; call(i?: number): RecordedCall } {
  const fetchImpl = vi.fn(async (_path: string, _init?: RequestInit) => json(status, reply));
  return {
    http: createHttp(fetchImpl),
    call(i = 0) {
      const [path, init = {}] = fetchImpl.mock.calls[i]!;
      return { path, method: init.method, body: init.body ? JSON.parse(String(init.body)) : undefined };
    },
  };
}

export type RecordedCall = { path: string; method: string | undefined; body: unknown };
