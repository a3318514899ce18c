import { z } from 'zod';
import { applyNotification } from '../../domain/provider-notifications.js';
import { unknownNotification } from '../../errors.js';
import { route } from './route.js';

const recipients = z.array(z.object({ emailAddress: z.email() })).max(1000);
const sesNotification = z.object({
  notificationType: z.string().max(50),
  bounce: z.object({ bounceType: z.string().max(50), bouncedRecipients: recipients }).optional(),
  complaint: z.object({ complainedRecipients: recipients }).optional(),
});
/** SNS wraps the SES notification as a JSON string in `Message`. */
const snsEnvelope = z.object({ Type: z.string().max(50), Message: z.string().max(200_000) });
const body = z.union([snsEnvelope, sesNotification]);

/**
 * Bounce and complaint notifications (SES through SNS, as text/plain, or EventBridge, JSON). Internal: the gateway
 * does not route `/internal`, so only the provider's private path reaches it.
 */
export const notificationRoutes = [
  route(
    {
      method: 'post',
      path: '/internal/ses-notifications',
      tag: 'Mail (internal)',
      summary: 'SES bounce or complaint notification: suppresses the addresses',
      // SNS posts its JSON as text/plain: the handler reads the body itself.
      documented: { body },
      alsoAccepts: ['text'],
      responses: {
        200: {
          description: 'Applied',
          schema: z.object({ status: z.literal('success'), suppressed: z.number() }),
        },
      },
    },
    async ({ ctx, req }) => {
      const note = body.parse(typeof req.body === 'string' ? jsonOrNothing(req.body) : req.body);
      const ses = 'Message' in note ? parseWrapped(note) : note;
      if (!ses) throw unknownNotification('Message' in note ? note.Type : 'unknown');
      const suppressed = await applyNotification(ctx, ses);
      if (suppressed === undefined) throw unknownNotification(ses.notificationType);
      ctx.logger.info({ type: ses.notificationType, suppressed }, 'provider notification applied');
      return { status: 'success' as const, suppressed };
    },
  ),
];

/** Text that is not JSON reads as nothing, which the schema refuses with the 400 naming the body. */
function jsonOrNothing(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseWrapped(note: z.output<typeof snsEnvelope>) {
  if (note.Type !== 'Notification') return undefined; // a SubscriptionConfirmation is confirmed by hand
  try {
    const inner = sesNotification.safeParse(JSON.parse(note.Message));
    return inner.success ? inner.data : undefined;
  } catch {
    return undefined;
  }
}
