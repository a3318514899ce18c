import type { z } from 'zod';
import { idParams, OFFICER, TAG } from './officer.js';

/**
 * An officer's list of one kind: GET list, POST add, PUT edit, DELETE remove, each answering the whole
 * updated list (what upstream's web client reads).
 */
export function listSpecs<Add extends z.ZodType, Edit extends z.ZodType>(
  path: string,
  what: string,
  item: z.ZodType,
  bodies: { add: Add; edit: Edit },
) {
  const a = /^[aeiou]/i.test(what) ? 'an' : 'a';
  const responses = { 200: { description: `The club's ${what} list`, schema: item.array() } };
  const base = { tag: TAG, auth: OFFICER, responses };
  return {
    list: { ...base, method: 'get' as const, path, summary: `The club's ${what} list`, errors: [404] },
    add: {
      ...base,
      method: 'post' as const,
      path,
      summary: `Add ${a} ${what} (409 when the club's list is full)`,
      body: bodies.add,
      errors: [404, 409],
    },
    edit: {
      ...base,
      method: 'put' as const,
      path: `${path}/:id`,
      summary: `Edit ${a} ${what} (keys absent stay)`,
      params: idParams,
      body: bodies.edit,
      errors: [404],
    },
    remove: {
      ...base,
      method: 'delete' as const,
      path: `${path}/:id`,
      summary: `Remove ${a} ${what}`,
      params: idParams,
      errors: [404],
    },
  };
}
