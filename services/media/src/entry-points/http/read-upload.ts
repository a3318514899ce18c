import { assertValidText } from '@sproul/common/http';
import busboy from 'busboy';
import type { Request } from 'express';
import type { UploadRule } from '../../domain/images/upload-rules.js';
import { imageTooLarge, malformedForm, tooManyFiles } from '../../errors.js';

export interface Upload {
  /** The rule's file field, whole (it is at most the rule's limit). */
  file?: Buffer;
  /** Text fields (a caption). */
  fields: Record<string, unknown>;
}

const MAX_FIELD_BYTES = 64 * 1024;

export const isMultipart = (req: Request) =>
  (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');

/**
 * Streams a multipart body through busboy, counting the file's bytes as they come: past the rule's
 * limit it stops keeping them and answers "too large" without buffering the rest. One file only; other
 * file fields are skipped unread. A JSON body (a caption edit) is its fields.
 */
export function readUpload(req: Request, rule: UploadRule): Promise<Upload> {
  if (!isMultipart(req)) {
    const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {};
    return Promise.resolve({ fields: body as Record<string, unknown> });
  }
  // A client that gave up while its upload waited for a slot: nothing will ever arrive.
  if (req.destroyed || req.readableAborted) return Promise.reject(malformedForm());
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: rule.maxBytes + 1, fields: 20, fieldSize: MAX_FIELD_BYTES, parts: 30 },
      });
    } catch {
      return reject(malformedForm());
    }
    const fields: Record<string, unknown> = {};
    const chunks: Buffer[] = [];
    let file: Buffer | undefined;
    let done = false;
    const fail = (error: Error) => {
      if (done) return;
      done = true;
      req.unpipe(parser);
      // Drained, not kept: the client may still be sending; the answer goes out meanwhile.
      req.resume();
      reject(error);
    };
    parser.on('file', (name, stream) => {
      // A body cut short errors the file's stream too: unhandled, that would end the process.
      stream.on('error', () => fail(malformedForm()));
      if (name !== rule.field) return void stream.resume();
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > rule.maxBytes) return fail(imageTooLarge(rule.kind));
        chunks.push(chunk);
      });
      stream.on('end', () => {
        file = Buffer.concat(chunks);
      });
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(malformedForm());
      fields[name] = value;
    });
    parser.on('filesLimit', () => fail(tooManyFiles()));
    parser.on('partsLimit', () => fail(malformedForm()));
    parser.on('fieldsLimit', () => fail(malformedForm()));
    parser.on('error', () => fail(malformedForm()));
    parser.on('close', () => {
      if (done) return;
      done = true;
      try {
        assertValidText(fields, 'form');
      } catch (error) {
        return reject(error);
      }
      resolve({ file, fields });
    });
    req.on('aborted', () => fail(malformedForm()));
    req.on('error', () => fail(malformedForm()));
    req.pipe(parser);
  });
}
