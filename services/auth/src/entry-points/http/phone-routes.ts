import { e164Schema } from '@sproul/common/events';
import { z } from 'zod';
import { phoneState, removePhone, requestPhoneCode, verifyPhoneCode } from '../../domain/phone-numbers.js';
import { PhoneCodesLimited } from '../../errors.js';
import { USER } from './answers.js';
import { route } from './route.js';

// Flux's phone_commit / phone_verify: any signed-in account proves a phone number with a code sent by
// SMS. Numbers are taken in strict E.164 (`+14155550123`): the client formats what the user typed, as
// guessing a country for a national number is not the server's to do.

const phoneAnswer = z
  .object({
    phone: e164Schema.nullable(),
    verified: z.boolean(),
    pending: z
      .object({ phone: e164Schema, expires_at: z.string(), attempts_left: z.number().int() })
      .nullable(),
  })
  .meta({ id: 'PhoneNumber' });

const phoneBody = z.strictObject({ phone: e164Schema });
const codeBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'Expected the 6-digit code') });

export const phoneRoutes = [
  route(
    {
      method: 'get',
      path: '/api/user/phone',
      tag: USER,
      summary: "The account's verified phone number, and the code pending, if any",
      auth: 'signed-in',
      responses: { 200: { description: 'Phone number', schema: phoneAnswer } },
    },
    ({ ctx, claims }) => phoneState(ctx, claims.sub),
  ),
  route(
    {
      method: 'post',
      path: '/api/user/phone',
      tag: USER,
      summary:
        'Send a 6-digit code by SMS to prove a number (E.164); it expires in 10 minutes. At most 3 codes per hour per account and per number',
      auth: 'signed-in',
      body: phoneBody,
      responses: { 202: { description: 'Code sent', schema: phoneAnswer } },
      errors: [409, 429],
    },
    async ({ ctx, claims, body, res }) => {
      try {
        await requestPhoneCode(ctx, claims.sub, body.phone);
      } catch (error) {
        if (error instanceof PhoneCodesLimited) res.setHeader('Retry-After', String(error.retryAfter));
        throw error;
      }
      return phoneState(ctx, claims.sub);
    },
  ),
  route(
    {
      method: 'post',
      path: '/api/user/phone/verify',
      tag: USER,
      summary:
        'Check the code: the number becomes the verified one. 400 wrong code (`data.attempts_left`), 410 no code, expired, or 5 wrong attempts',
      auth: 'signed-in',
      body: codeBody,
      responses: { 200: { description: 'Verified', schema: phoneAnswer } },
      errors: [409, 410],
    },
    async ({ ctx, claims, body }) => {
      await verifyPhoneCode(ctx, claims.sub, body.code);
      return phoneState(ctx, claims.sub);
    },
  ),
  route(
    {
      method: 'delete',
      path: '/api/user/phone',
      tag: USER,
      summary: 'Remove the verified number (and any pending code)',
      auth: 'signed-in',
      responses: { 200: { description: 'Removed', schema: phoneAnswer } },
    },
    async ({ ctx, claims }) => {
      await removePhone(ctx, claims.sub);
      return phoneState(ctx, claims.sub);
    },
  ),
];
