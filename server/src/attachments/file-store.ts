/**
 * Where attachment bytes live (issue 13), behind one small interface: a local directory under the
 * data folder by default, or an S3-compatible bucket for several nodes (`s3-file-store.ts`).
 * Keys are made by the server (`attachments/<id>` …), never from user input.
 */
export type FileStore = {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removing a missing key is not an error. */
  remove(key: string): Promise<void>;
};

/** Keys are `[A-Za-z0-9_-]` segments joined by `/`, nothing else (no `..`, no absolute paths). */
export const SAFE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]*[A-Za-z0-9_-])*$/;

export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe file store key: ${key}`);
}

/**
 * Removes stored files after their rows went (an erasure, issue 13). A failure is logged and the
 * rest go on: the rows are already gone, so nothing can reach the leftover bytes by id any more.
 */
export async function removeFileKeys(
  files: FileStore,
  keys: readonly string[],
  log: (key: string, error: unknown) => void,
): Promise<void> {
  for (const key of keys) {
    try {
      await files.remove(key);
    } catch (error) {
      log(key, error);
    }
  }
}
