import { assertValidText } from '@sproul/common/http';
import type { Request } from 'express';
import { formTooLarge, malformedForm } from '../../errors.js';

/** Text fields only (a caption); a picture comes through the media service, not here. */
const MAX_FORM_BYTES = 64 * 1024;

export const isMultipart = (req: Request) =>
  (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');

/**
 * The fields of a small multipart/form-data body, as upstream's web client sends them for gallery
 * captions. Files appear as `{file: name}` so that a strict schema rejects them by name.
 */
export async function readFormFields(req: Request): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw formTooLarge();
    chunks.push(chunk);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), {
      headers: { 'content-type': String(req.headers['content-type']) },
    }).formData();
  } catch {
    throw malformedForm();
  }
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    fields[name] = typeof value === 'string' ? value : { file: value.name };
  }
  // Parsed here, after the app's check of JSON bodies: the same check of text, for form fields.
  assertValidText(fields, 'form');
  return fields;
}
