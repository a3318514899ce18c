import type { IncomingHttpHeaders } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import {
  AUTHORIZATION,
  mismatch,
  PRESIGN_PARAMS,
  parseAmzDate,
  type Refusal,
  type StoreCredentials,
  same,
  signedHeaders,
} from './sigv4-parts.js';

export type { Refusal, StoreCredentials };

/**
 * Checks AWS Signature V4 the way S3 does, for the embedded store (s3rver accepts any signature):
 * a presigned URL must be unexpired and signed by our key over its method, path, query and signed
 * headers (so a signed `content-length` limits the upload's size); a header-signed request likewise.
 * The payload hash is taken from `x-amz-content-sha256` as sent, as the emulator does not need it.
 */
export function createSigV4Check(credentials: StoreCredentials, region: string, now = () => Date.now()) {
  const signer = new SignatureV4({
    credentials,
    region,
    service: 's3',
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
    applyChecksum: false,
  });

  function request(method: string, url: URL, headers: Record<string, string>, drop: string[]) {
    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) if (!drop.includes(key)) query[key] = value;
    return {
      method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port) || undefined,
      path: url.pathname,
      query,
      headers,
    };
  }

  async function presigned(
    method: string,
    url: URL,
    headers: IncomingHttpHeaders,
  ): Promise<Refusal | undefined> {
    const q = url.searchParams;
    const date = parseAmzDate(q.get('X-Amz-Date'));
    const expires = Number(q.get('X-Amz-Expires'));
    const credential = q.get('X-Amz-Credential') ?? '';
    if (!date || !Number.isInteger(expires) || expires < 1 || expires > 604_800) {
      return { code: 'AccessDenied', message: 'Malformed presigned URL' };
    }
    if (credential.split('/')[0] !== credentials.accessKeyId) {
      return { code: 'InvalidAccessKeyId', message: 'The access key does not exist' };
    }
    if (now() > date.getTime() + expires * 1000)
      return { code: 'AccessDenied', message: 'Request has expired' };
    const names = (q.get('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean);
    // presign adds its own parameters back; the payload hash goes in as the header it was hoisted
    // from, in the SDK's spelling (the hoisted name keeps its case, and canonical query order is by case).
    const unsigned = request(method, url, signedHeaders(headers, names), PRESIGN_PARAMS);
    unsigned.headers['X-Amz-Content-Sha256'] = q.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
    const expected = await signer.presign(unsigned, {
      signingDate: date,
      expiresIn: expires,
      unhoistableHeaders: new Set(names),
    });
    const signature = String(expected.query?.['X-Amz-Signature'] ?? '');
    return same(signature, q.get('X-Amz-Signature') ?? '') ? undefined : mismatch;
  }

  async function headerSigned(
    method: string,
    url: URL,
    headers: IncomingHttpHeaders,
  ): Promise<Refusal | undefined> {
    const auth = AUTHORIZATION.exec(String(headers.authorization ?? ''));
    const date = parseAmzDate(String(headers['x-amz-date'] ?? ''));
    if (!auth || !date) return { code: 'AccessDenied', message: 'Malformed Authorization header' };
    const [, credential = '', names = '', given = ''] = auth;
    if (credential.split('/')[0] !== credentials.accessKeyId) {
      return { code: 'InvalidAccessKeyId', message: 'The access key does not exist' };
    }
    // S3 allows 15 minutes of clock skew either way.
    if (Math.abs(now() - date.getTime()) > 15 * 60_000)
      return { code: 'AccessDenied', message: 'Request time too skewed' };
    const list = names.split(';');
    const expected = await signer.sign(request(method, url, signedHeaders(headers, list), []), {
      signingDate: date,
      signableHeaders: new Set(list),
    });
    const signature = /Signature=([0-9a-f]+)/.exec(String(expected.headers.authorization ?? ''))?.[1] ?? '';
    return same(signature, given) ? undefined : mismatch;
  }

  return { presigned, headerSigned };
}
