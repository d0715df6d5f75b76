import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_MIMES,
  DEFAULT_ATTACHMENT_SETTINGS,
  formatFileSize,
  isAttachmentMime,
} from './attachments.ts';
import { attachmentQuery } from './events.ts';
import { LIMITS } from './limits.ts';

describe('attachments (issue 13)', () => {
  it('no type that can carry script can ever be allowed', () => {
    for (const mime of ['image/svg+xml', 'text/html', 'application/xhtml+xml', 'application/xml', 'text/xml'])
      expect(isAttachmentMime(mime), mime).toBe(false);
    expect(isAttachmentMime('__proto__')).toBe(false);
    expect(DEFAULT_ATTACHMENT_SETTINGS.allowedTypes.every((m) => ATTACHMENT_MIMES.includes(m))).toBe(true);
    expect(DEFAULT_ATTACHMENT_SETTINGS.maxBytes).toBeLessThanOrEqual(LIMITS.attachmentMaxBytesCeiling);
  });

  it('formats sizes in the visitor language', () => {
    expect(formatFileSize(452, 'en')).toBe('0.4 kB');
    expect(formatFileSize(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
    expect(formatFileSize(2.5 * 1024 * 1024, 'pl')).toBe('2,5 MB');
    expect(formatFileSize(300 * 1024, 'en')).toBe('300 kB');
  });

  it('builds upload and download query strings, encoded, without empty keys', () => {
    expect(attachmentQuery({ site: 'demo', clientId: 'abc12345', name: 'a b&c.pdf' })).toBe(
      '?site=demo&clientId=abc12345&name=a%20b%26c.pdf',
    );
    expect(attachmentQuery({ variant: undefined })).toBe('');
  });
});
