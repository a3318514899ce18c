import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Pieces of AWS Signature V4 requests the embedded store's check reads. */

export interface StoreCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Why a request was refused, in S3's error codes (so the SDK reports them as S3 would). */
export type Refusal = {
  code: 'AccessDenied' | 'SignatureDoesNotMatch' | 'InvalidAccessKeyId';
  message: string;
};

export const PRESIGN_PARAMS = [
  'X-Amz-Algorithm',
  'X-Amz-Content-Sha256',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
];
export const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;
export const mismatch: Refusal = {
  code: 'SignatureDoesNotMatch',
  message: 'The request signature we calculated does not match the signature you provided',
};
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export function parseAmzDate(value: string | null): Date | undefined {
  const m = value ? AMZ_DATE.exec(value) : null;
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as number[];
  return new Date(Date.UTC(year!, month! - 1, day, hour, minute, second));
}

export function same(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Only the headers the client signed take part in the signature; the rest may differ freely. */
export function signedHeaders(headers: IncomingHttpHeaders, names: string[]) {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) picked[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return picked;
}
