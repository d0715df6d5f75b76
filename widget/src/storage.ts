/**
 * Key–value storage that never throws: localStorage when the browser allows it, else an in-memory
 * map (storage blocked, third-party cookies off, private mode) so the visitor becomes session-only.
 */
import { WIDGET_STORAGE_PREFIX } from '@frontdesk/shared';

export type KeyValueStore = {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** False when values only live as long as the page. */
  readonly persistent: boolean;
};

/**
 * `active`: the loader imports the app early (a conversation in progress, or the panel was open);
 * `open`: the panel was open on the last page; `draft`: the composer's unsent text; `seen`: the
 * last message the visitor had on screen (unread ones come after it); `sound`: the visitor's own
 * choice of the notification sound ('1' on, '0' off; none: the site's default).
 */
export type StorageName = 'token' | 'outbox' | 'active' | 'open' | 'draft' | 'seen' | 'sound';

export const storageKey = (siteKey: string, name: StorageName): string =>
  `${WIDGET_STORAGE_PREFIX}${siteKey}:${name}`;

export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
    persistent: false,
  };
}

/** The part of `Storage` the widget uses. */
type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Probes localStorage once; any failure (SecurityError, quota, missing) selects the memory store. */
export function browserStore(win: { readonly localStorage: StorageLike }): KeyValueStore {
  let local: StorageLike;
  try {
    local = win.localStorage;
    const probe = `${WIDGET_STORAGE_PREFIX}probe`;
    local.setItem(probe, '1');
    local.removeItem(probe);
  } catch (error) {
    console.warn('[frontdesk] storage is blocked; this visit will not be remembered', error);
    return memoryStore();
  }
  const fallback = memoryStore();
  return {
    get(key) {
      try {
        return local.getItem(key) ?? fallback.get(key);
      } catch (error) {
        console.warn('[frontdesk] storage read failed', error);
        return fallback.get(key);
      }
    },
    set(key, value) {
      try {
        local.setItem(key, value);
        fallback.remove(key);
      } catch (error) {
        console.warn('[frontdesk] storage write failed; keeping the value for this page only', error);
        fallback.set(key, value);
      }
    },
    remove(key) {
      fallback.remove(key);
      try {
        local.removeItem(key);
      } catch (error) {
        console.warn('[frontdesk] storage remove failed', error);
      }
    },
    persistent: true,
  };
}
