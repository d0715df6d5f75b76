/**
 * Images (issue 13): every accepted image is decoded and re-encoded by sharp in its own format,
 * turned upright by its EXIF orientation and stored WITHOUT metadata (EXIF, GPS, XMP, comments:
 * sharp keeps none unless asked), at most `attachmentImageMaxPixels` on its longer side; plus a
 * WebP thumbnail that fits `attachmentThumbPixels`.
 */
import { type AttachmentMime, LIMITS } from '@frontdesk/shared';
import sharp, { type Sharp } from 'sharp';
import { AppError } from '../kernel/errors.ts';

export type ProcessedImage = {
  file: { bytes: Uint8Array; mime: AttachmentMime };
  thumb: Uint8Array;
  width: number;
  height: number;
};

const encode = (pipeline: Sharp, mime: AttachmentMime): Sharp => {
  switch (mime) {
    case 'image/jpeg':
      return pipeline.jpeg({ quality: 85, mozjpeg: true });
    case 'image/webp':
      return pipeline.webp({ quality: 85 });
    case 'image/gif':
      return pipeline.gif();
    default:
      return pipeline.png({ compressionLevel: 9 });
  }
};

export async function processImage(bytes: Uint8Array, mime: AttachmentMime): Promise<ProcessedImage> {
  const open = () =>
    sharp(bytes, {
      limitInputPixels: LIMITS.attachmentImageMaxInputPixels,
      failOn: 'error',
      animated: mime === 'image/gif',
    }).rotate();
  try {
    const max = LIMITS.attachmentImageMaxPixels;
    const { data, info } = await encode(
      open().resize(max, max, { fit: 'inside', withoutEnlargement: true }),
      mime,
    ).toBuffer({ resolveWithObject: true });
    const thumbBox = LIMITS.attachmentThumbPixels;
    const thumb = await sharp(bytes, {
      limitInputPixels: LIMITS.attachmentImageMaxInputPixels,
      failOn: 'error',
    })
      .rotate()
      .resize(thumbBox, thumbBox, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return {
      file: { bytes: new Uint8Array(data), mime },
      thumb: new Uint8Array(thumb),
      width: info.width,
      // An animated GIF reports the height of all frames stacked; one frame's is pageHeight.
      height: info.pageHeight ?? info.height,
    };
  } catch (error) {
    throw new AppError('unsupported_type', 'the image could not be read', { cause: error });
  }
}
