import { CreateBucketCommand, HeadBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import type { MediaConfig } from '../config.js';

/**
 * The SDK client: path-style on any endpoint that is not AWS (MinIO, s3rver), and checksums only
 * when required, since s3rver does not understand the aws-chunked trailers the SDK sends by default.
 */
export const createS3Client = (config: MediaConfig) =>
  new S3Client({
    region: config.S3_REGION,
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true } : {}),
    ...(config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
      ? {
          credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY },
        }
      : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

/** Where club images are loaded from: a CDN if configured, else the store's own public URL. */
export const publicBaseUrl = (config: MediaConfig) =>
  (
    config.MEDIA_PUBLIC_BASE_URL ??
    (config.S3_ENDPOINT
      ? `${config.S3_ENDPOINT.replace(/\/+$/, '')}/${config.S3_BUCKET}`
      : `https://${config.S3_BUCKET}.s3.${config.S3_REGION}.amazonaws.com`)
  ).replace(/\/+$/, '');

/**
 * Creates the bucket when missing, with club images readable by anyone (stores such as MinIO ignore
 * object ACLs); answers false when the store refused that policy (s3rver has none).
 */
export async function ensureBucket(client: S3Client, bucket: string): Promise<boolean> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  }
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:GetObject'],
        Resource: [`arn:aws:s3:::${bucket}/clubs/*`],
      },
    ],
  };
  return client.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) })).then(
    () => true,
    () => false,
  );
}
