import type { PastDelivery } from './mail-provider.js';

/** A text message ready to go. */
export interface OutgoingSms {
  /** The delivery's id (the SmsRequested event's). */
  deliveryId: string;
  /** E.164. */
  to: string;
  text: string;
  purpose: 'phone-code' | 'event-reminder';
}

/**
 * The port SMS delivery talks to (SMS_PROVIDER picks the adapter). `send` resolves with the provider's
 * message id and throws a `MailProviderError` when refused (permanent, transient or in doubt, as for
 * email); `wasAccepted` answers for a delivery a crash left in doubt.
 */
export interface SmsSender {
  send(sms: OutgoingSms): Promise<{ messageId: string }>;
  wasAccepted(deliveryId: string): Promise<PastDelivery>;
}
