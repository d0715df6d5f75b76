/**
 * `FileStore` on an S3-compatible bucket (`ATTACHMENTS_S3_BUCKET` …), for several nodes sharing files.
 * Not run against a bucket in this repository's tests (no S3 here): type-checked only.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { assertSafeKey, type FileStore } from './file-store.ts';

export type S3Settings = {
  bucket: string;
  region: string;
  /** A non-AWS endpoint (MinIO, R2, …); null for AWS itself. */
  endpoint: string | null;
  /** Path-style addressing (most self-hosted S3 servers need it). */
  forcePathStyle: boolean;
  /** Keys are stored under this prefix (several installs in one bucket). */
  prefix: string;
  /** Null: the SDK's default credential chain (environment, instance role…). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
};

export function s3FileStore(settings: S3Settings): FileStore {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint && { endpoint: settings.endpoint }),
    forcePathStyle: settings.forcePathStyle,
    ...(settings.credentials && { credentials: settings.credentials }),
  });
  const Bucket = settings.bucket;
  const keyOf = (key: string) => {
    assertSafeKey(key);
    return settings.prefix ? `${settings.prefix}/${key}` : key;
  };
  return {
    async put(key, bytes, contentType) {
      await client.send(
        new PutObjectCommand({ Bucket, Key: keyOf(key), Body: bytes, ContentType: contentType }),
      );
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }));
        if (!out.Body) return null;
        return await out.Body.transformToByteArray();
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
    },
  };
}
