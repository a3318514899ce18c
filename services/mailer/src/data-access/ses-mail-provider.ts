import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import type { MailerConfig } from '../config.js';
import {
  type MailProvider,
  MailProviderError,
  type OutgoingEmail,
  type PastDelivery,
} from '../domain/mail-provider.js';
import { deliveryMarker, mimeMessage } from './mime-message.js';

// SES answers throttling with a 400 and these codes; 5xx and network errors are transient too.
const TRANSIENT_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'ServiceUnavailable',
]);

/**
 * SES (or an SES-compatible endpoint) through SendRawEmail, so that the message carries our headers
 * (`X-Sproul-Delivery`, `List-Unsubscribe`). The SDK's own retries are off: the bus retries with
 * growing delays, and a retry must pass through the delivery log's claim.
 */
export function sesMailProvider(config: MailerConfig): MailProvider {
  const credentials =
    config.AWS_ACCESS_KEY_ID && config.AWS_SECRET_ACCESS_KEY
      ? { accessKeyId: config.AWS_ACCESS_KEY_ID, secretAccessKey: config.AWS_SECRET_ACCESS_KEY }
      : config.SES_ENDPOINT
        ? { accessKeyId: 'local', secretAccessKey: 'local' } // an emulator wants a signature, any
        : undefined;
  const client = new SESClient({
    region: config.AWS_REGION,
    endpoint: config.SES_ENDPOINT,
    credentials,
    maxAttempts: 1,
    // A hung call would hold its batch: past this it is a transient failure, retried by the bus.
    requestHandler: {
      requestTimeout: config.MAIL_SES_TIMEOUT_MS,
      connectionTimeout: 5_000,
      throwOnRequestTimeout: true,
    },
  });
  return {
    async send(email: OutgoingEmail) {
      try {
        const answer = await client.send(
          new SendRawEmailCommand({
            Source: email.from,
            Destinations: [email.to],
            RawMessage: { Data: Buffer.from(mimeMessage(email)) },
          }),
        );
        return { messageId: answer.MessageId ?? 'unknown' };
      } catch (error) {
        throw classify(error);
      }
    },
    wasAccepted: (deliveryId) =>
      config.SES_ENDPOINT ? askEmulator(config.SES_ENDPOINT, deliveryId) : unknown(),
  };
}

const unknown = async (): Promise<PastDelivery> => 'unknown';

/** The emulator keeps what it accepted at GET /store; it drops headers, so the HTML marker is looked for. */
async function askEmulator(endpoint: string, deliveryId: string): Promise<PastDelivery> {
  try {
    const answer = await fetch(new URL('/store', endpoint), { signal: AbortSignal.timeout(5000) });
    if (!answer.ok) return 'unknown';
    const { emails } = (await answer.json()) as { emails: { messageId: string; body: { html?: string } }[] };
    const marker = deliveryMarker(deliveryId);
    const found = emails.find((email) => email.body.html?.includes(marker));
    return found ? { accepted: true, messageId: found.messageId } : { accepted: false };
  } catch {
    return 'unknown';
  }
}

function classify(error: unknown): MailProviderError {
  const failure = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = failure.$metadata?.httpStatusCode;
  const name = failure.name ?? 'Error';
  const transient = status === undefined || status >= 500 || status === 429 || TRANSIENT_CODES.has(name);
  // No HTTP answer at all: SES may have taken the email before the line went quiet.
  return new MailProviderError(
    `${name}: ${failure.message ?? 'no message'}`.slice(0, 1000),
    !transient,
    status === undefined,
  );
}
