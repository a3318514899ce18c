import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { emailSchema, idSchema, roleSchema } from './shared-fields.js';

export const AccountConfirmedV1 = defineEvent(
  'AccountConfirmed',
  1,
  z.object({ userId: idSchema, email: emailSchema, role: roleSchema }),
);
