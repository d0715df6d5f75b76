/**
 * Uploaded images (a site's logo, an agent's avatar), TESTPLAN L4 for uploads: the type is decided by
 * the content's magic bytes, never by the declared type; only PNG, JPEG, WebP and GIF are accepted (no
 * SVG: it can carry script); every image is decoded and re-encoded by sharp, at most
 * `LIMITS.imageMaxPixels` on its longer side, without metadata (EXIF, GPS, comments). GIF and WebP
 * come out as PNG (the first frame), JPEG as JPEG.
 */
import { LIMITS } from '@frontdesk/shared';
import sharp from 'sharp';
import { AppError } from '../kernel/errors.ts';
import type { ImagesStore, StoredImage } from './store.ts';

export type ImageKind = 'png' | 'jpeg' | 'webp' | 'gif';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

/** The image type by magic bytes, or null for anything else (SVG, HTML, PDF, text…). */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  return null;
}

/** The path an image is served at. */
export const imageUrl = (id: string) => `/images/${id}`;
/** The id in a path made by `imageUrl`, or null. */
export const imageIdOf = (url: string | null) => (url?.startsWith('/images/') ? url.slice(8) : null);

const NOT_AN_IMAGE = 'must be a PNG, JPEG, WebP or GIF image';

export class ImageUploads {
  constructor(private readonly store: ImagesStore) {}

  /** Checks, re-encodes and stores an upload; `bad_request` for anything that is not a usable image. */
  async upload(bytes: Uint8Array): Promise<StoredImage> {
    if (bytes.byteLength === 0) throw new AppError('bad_request', `the body is empty: ${NOT_AN_IMAGE}`);
    if (bytes.byteLength > LIMITS.imageMaxBytes)
      throw new AppError('too_large', `an image may be at most ${LIMITS.imageMaxBytes} bytes`);
    const kind = sniffImage(bytes);
    if (!kind) throw new AppError('bad_request', NOT_AN_IMAGE);
    const max = LIMITS.imageMaxPixels;
    try {
      // limitInputPixels guards against decompression bombs (a tiny file declaring a huge canvas).
      const pipeline = sharp(bytes, { limitInputPixels: 40_000_000, failOn: 'error' })
        .rotate()
        .resize(max, max, { fit: 'inside', withoutEnlargement: true });
      const encoded =
        kind === 'jpeg'
          ? pipeline.jpeg({ quality: 85, mozjpeg: true })
          : pipeline.png({ compressionLevel: 9, palette: kind === 'gif' });
      const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
      return this.store.putImage({
        contentType: kind === 'jpeg' ? 'image/jpeg' : 'image/png',
        data: new Uint8Array(data),
        width: info.width,
        height: info.height,
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('bad_request', `the image could not be read: ${NOT_AN_IMAGE}`);
    }
  }

  get(id: string) {
    return this.store.getImage(id);
  }

  /** Removes an image no longer used (copies already cached keep working until they expire). */
  async remove(url: string | null): Promise<void> {
    const id = imageIdOf(url);
    if (id) await this.store.deleteImage(id);
  }
}
