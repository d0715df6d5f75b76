import { ATTACHMENT_MIMES, DEFAULT_ATTACHMENT_SETTINGS, LIMITS } from '@frontdesk/shared';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanFileName, decideUpload } from './decide.ts';
import { hasGpsPointer, htmlPage, jpegWithGps, pdf, png, svgWithScript } from './fixtures/corpus.ts';
import { processImage } from './images.ts';
import { sniffType } from './sniff.ts';

const settings = DEFAULT_ATTACHMENT_SETTINGS;

/** The whole decision as the service makes it: sniff the bytes, then decide (name and declared type unused). */
async function decide(bytes: Uint8Array, existing = 0, over = settings) {
  return decideUpload({ size: bytes.byteLength, sniffed: await sniffType(bytes), existing }, over);
}

describe('L4 the upload decision, from the content only', () => {
  it('L4 a JPEG is an image, whatever it is called', async () => {
    expect(await decide(await jpegWithGps())).toEqual({ ok: true, mime: 'image/jpeg', kind: 'image' });
  });

  it('L4 a PNG declared as a PDF (wrong declared type) is a PNG: the declaration is never read', async () => {
    expect(await decide(await png())).toEqual({ ok: true, mime: 'image/png', kind: 'image' });
  });

  it('L4 a PDF is a file (a download, never inline)', async () => {
    expect(await decide(pdf())).toEqual({ ok: true, mime: 'application/pdf', kind: 'file' });
  });

  it('L4 an SVG with script is refused: it sniffs as XML, which no site can allow', async () => {
    expect(await sniffType(svgWithScript())).toBe('application/xml');
    expect(await decide(svgWithScript())).toMatchObject({ ok: false, code: 'unsupported_type' });
    // Not even a site allowing every listed type can take it.
    const all = { ...settings, allowedTypes: ATTACHMENT_MIMES };
    expect(await decide(svgWithScript(), 0, all)).toMatchObject({ ok: false, code: 'unsupported_type' });
    expect(await decide(htmlPage(), 0, all)).toMatchObject({ ok: false, code: 'unsupported_type' });
  });

  it('L4 HTML renamed .png is refused', async () => {
    expect(await decide(htmlPage())).toMatchObject({ ok: false, code: 'unsupported_type' });
  });

  it('L4 0 bytes is refused as empty', async () => {
    expect(await decide(new Uint8Array())).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('L4 over the site limit is too large; at the limit passes the size check', () => {
    const site = { ...settings, maxBytes: 1000 };
    expect(decideUpload({ size: 1001, sniffed: 'image/png', existing: 0 }, site)).toMatchObject({
      ok: false,
      code: 'too_large',
    });
    expect(decideUpload({ size: 1000, sniffed: 'image/png', existing: 0 }, site)).toMatchObject({ ok: true });
    // The ceiling holds whatever a site says.
    const huge = { ...settings, maxBytes: LIMITS.attachmentMaxBytesCeiling * 4 };
    expect(
      decideUpload({ size: LIMITS.attachmentMaxBytesCeiling + 1, sniffed: 'image/png', existing: 0 }, huge),
    ).toMatchObject({ ok: false, code: 'too_large' });
  });

  it('a type the site does not allow is refused; the count per conversation holds; off is off', () => {
    const onlyPdf = { ...settings, allowedTypes: ['application/pdf' as const] };
    expect(decideUpload({ size: 10, sniffed: 'image/png', existing: 0 }, onlyPdf)).toMatchObject({
      code: 'unsupported_type',
    });
    expect(
      decideUpload({ size: 10, sniffed: 'image/png', existing: settings.maxPerConversation }, settings),
    ).toMatchObject({ code: 'limit_reached' });
    expect(
      decideUpload({ size: 10, sniffed: 'image/png', existing: 0 }, { ...settings, enabled: false }),
    ).toMatchObject({ code: 'forbidden' });
  });

  it('L4 a real JPEG with GPS EXIF: stored and thumbnail carry no EXIF at all', async () => {
    const original = await jpegWithGps(800, 600);
    expect(hasGpsPointer((await sharp(original).metadata()).exif)).toBe(true);
    const processed = await processImage(original, 'image/jpeg');
    const stored = await sharp(processed.file.bytes).metadata();
    const thumb = await sharp(processed.thumb).metadata();
    expect(stored.exif).toBeUndefined();
    expect(thumb.exif).toBeUndefined();
    expect(stored.format).toBe('jpeg');
    expect(thumb.format).toBe('webp');
    expect([processed.width, processed.height]).toEqual([800, 600]);
    expect(Math.max(thumb.width ?? 0, thumb.height ?? 0)).toBe(LIMITS.attachmentThumbPixels);
  });

  it('an image that does not decode is refused as unsupported', async () => {
    const broken = (await jpegWithGps()).slice(0, 40);
    await expect(processImage(broken, 'image/jpeg')).rejects.toMatchObject({ code: 'unsupported_type' });
  });
});

describe('R4 file names', () => {
  it('keeps a readable name and puts the sniffed extension on it', () => {
    expect(cleanFileName('Invoice March.exe', 'application/pdf')).toBe('Invoice March.pdf');
    expect(cleanFileName('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(cleanFileName('C:\\Users\\a\\photo.JPG', 'image/jpeg')).toBe('photo.jpg');
  });

  it('drops control and bidi characters, quotes and leading dots; never empty; bounded', () => {
    expect(cleanFileName('\u202egnp.exe', 'image/png')).toBe('gnp.png');
    expect(cleanFileName('a"\r\nb.png', 'image/png')).toBe('ab.png');
    expect(cleanFileName('...', 'image/png')).toBe('file.png');
    expect(cleanFileName(undefined, 'application/pdf')).toBe('file.pdf');
    expect(cleanFileName('x'.repeat(500), 'application/pdf').length).toBeLessThanOrEqual(
      LIMITS.attachmentNameMaxLength,
    );
  });
});
