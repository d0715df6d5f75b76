/** The type of a file from its content (issue 13), by `file-type` (magic bytes and container inspection). */
import { fileTypeFromBuffer } from 'file-type';

/** The MIME type the bytes are, or null when nothing known is recognised (plain text, SVG, HTML…). */
export async function sniffType(bytes: Uint8Array): Promise<string | null> {
  if (bytes.byteLength === 0) return null;
  const found = await fileTypeFromBuffer(bytes);
  return found?.mime ?? null;
}
