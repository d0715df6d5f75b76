/**
 * The visitor token: read from storage, minted with `POST /api/v1/visitor/sessions` when missing,
 * dropped when the server rejects it. It only ever travels in a JSON body or the socket's auth.
 */
import { API } from '@frontdesk/shared';
import { type KeyValueStore, storageKey } from '../storage.ts';

export type TokenSource = {
  current(): string | null;
  /** The stored token, or a freshly minted one. Rejects when the server cannot be reached or says no. */
  ensure(): Promise<string>;
  drop(): void;
};

export type TokenSourceOptions = {
  base: string;
  siteKey: string;
  store: KeyValueStore;
  fetch: typeof fetch;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

async function mint(options: TokenSourceOptions): Promise<string> {
  const response = await options.fetch(options.base + API.visitorSessions, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteKey: options.siteKey }),
    credentials: 'omit',
  });
  const body: unknown = await response.json();
  const token = isRecord(body) && body.token;
  if (response.ok && typeof token === 'string' && token) return token;
  const reason = isRecord(body) && body.ok === false ? body.error : body;
  const error = new Error(`visitor session refused (HTTP ${response.status}): ${JSON.stringify(reason)}`);
  throw Object.assign(error, { code: isRecord(reason) ? reason.code : undefined });
}

export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const key = storageKey(options.siteKey, 'token');
  let pending: Promise<string> | null = null;
  return {
    current: () => options.store.get(key),
    ensure() {
      const stored = options.store.get(key);
      if (stored) return Promise.resolve(stored);
      pending ??= mint(options)
        .then((token) => {
          options.store.set(key, token);
          return token;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    drop: () => options.store.remove(key),
  };
}
