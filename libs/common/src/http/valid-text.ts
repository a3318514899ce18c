import { badRequest } from '../errors/app-error.js';

/**
 * Text PostgreSQL cannot store: a NUL byte is refused by `text` and `jsonb` (a 500 when it reached a
 * query), and an unpaired UTF-16 surrogate (`"\ud800"` in JSON) is silently turned into U+FFFD. Both
 * are bad input, refused here once for every request instead of in each field's schema.
 */
export const INVALID_TEXT = 'must not contain NUL bytes or unpaired UTF-16 surrogates';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isValidText = (text: string) => !text.includes('\0') && !UNPAIRED.test(text);

type FieldProblem = { field: string; errors: string[] };

/**
 * The fields of a parsed value (keys and string values, at any depth) that hold invalid text, named
 * as zod names them (`tags.0`, `social_media_links.instagram`). Walks with its own stack: a body
 * nested thousands deep must not overflow ours.
 */
export function invalidTextFields(value: unknown, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: [unknown, string][] = [[value, prefix]];
  while (pending.length > 0) {
    const [current, field] = pending.pop()!;
    if (typeof current === 'string') {
      if (!isValidText(current)) problems.push({ field, errors: [INVALID_TEXT] });
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => {
        pending.push([item, join(field, String(index))]);
      });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const name = join(field, key);
        if (!isValidText(key)) problems.push({ field: name, errors: [INVALID_TEXT] });
        pending.push([item, name]);
      }
    }
  }
  return problems.reverse();
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

/** Throws the 400 envelope when a parsed value holds invalid text (for bodies a route parses itself). */
export function assertValidText(value: unknown, where: string) {
  const problems = invalidTextFields(value);
  if (problems.length > 0)
    throw badRequest(`A validation error occurred when parsing the ${where}.`, problems);
}
