import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localFileStore } from './local-file-store.ts';

describe('localFileStore', () => {
  it('puts, gets and removes bytes under a key; a missing key is null; removing twice is fine', async () => {
    const root = mkdtempSync(join(tmpdir(), 'frontdesk-files-'));
    const files = localFileStore(root);
    const bytes = new Uint8Array([1, 2, 3, 250]);
    await files.put('attachments/abc/file', bytes, 'application/pdf');
    expect(await files.get('attachments/abc/file')).toEqual(bytes);
    expect(await files.get('attachments/nope/file')).toBeNull();
    // Atomic writes leave no temporary file behind.
    expect(readdirSync(join(root, 'attachments', 'abc'))).toEqual(['file']);
    await files.remove('attachments/abc/file');
    await files.remove('attachments/abc/file');
    expect(await files.get('attachments/abc/file')).toBeNull();
  });

  it('refuses keys that could leave its directory', async () => {
    const files = localFileStore(mkdtempSync(join(tmpdir(), 'frontdesk-files-')));
    for (const key of ['../x', '/etc/passwd', 'a/../../b', 'a//b', '', 'a/b/'])
      await expect(files.put(key, new Uint8Array([1]), 'x'), key).rejects.toThrow(/unsafe/);
  });
});
