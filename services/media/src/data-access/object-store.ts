import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { MediaConfig } from '../config.js';
import { createS3Client, ensureBucket, publicBaseUrl } from './s3-client.js';

export interface StoredObject {
  key: string;
  lastModified: Date;
}

export interface PutOptions {
  contentType: string;
  /** Club images: public and immutable (content-hashed keys). Private documents: neither. */
  public?: boolean;
}

/** The one place that knows S3 (with s3-client.ts): put, delete, list, head and presign. */
export function createObjectStore(config: MediaConfig) {
  const bucket = config.S3_BUCKET;
  const client = createS3Client(config);
  const publicBase = publicBaseUrl(config);

  return {
    bucket,
    publicUrl: (key: string) => `${publicBase}/${key}`,
    ensureBucket: () => ensureBucket(client, bucket),
    async put(key: string, body: Buffer, options: PutOptions) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: options.contentType,
          ...(options.public
            ? { ACL: 'public-read', CacheControl: 'public, max-age=31536000, immutable' }
            : {}),
        }),
      );
    },
    async delete(keys: string[]) {
      for (let i = 0; i < keys.length; i += 1000) {
        const batch = keys.slice(i, i + 1000).map((Key) => ({ Key }));
        await client.send(
          new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }),
        );
      }
    },
    async *list(prefix: string): AsyncGenerator<StoredObject> {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const item of page.Contents ?? []) {
          if (item.Key) yield { key: item.Key, lastModified: item.LastModified ?? new Date(0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    /** Whether an object exists (a private document already uploaded). */
    async exists(key: string) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
          return false;
        throw error;
      }
    },
    presignPut: (key: string, size: number, contentType: string, expiresIn: number) =>
      getSignedUrl(
        client,
        new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size }),
        { expiresIn, signableHeaders: new Set(['content-type', 'content-length']) },
      ),
    presignGet: (key: string, expiresIn: number) =>
      getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn }),
    close: () => client.destroy(),
  };
}

export type ObjectStore = ReturnType<typeof createObjectStore>;
