/** An email ready to go: headers decided, bodies rendered. */
export interface OutgoingEmail {
  /** The delivery's id (the EmailRequested event's), sent as `X-Sproul-Delivery`. */
  deliveryId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Bulk mail only: the one-click unsubscribe link (RFC 8058). */
  unsubscribeUrl?: string;
}

/** What the provider answered for one delivery asked about after a crash. */
export type PastDelivery = { accepted: true; messageId: string } | { accepted: false } | 'unknown';

/** The port the delivery logic talks to; `data-access/ses-mail-provider.ts` is the SES adapter. */
export interface MailProvider {
  /** Resolves with the provider's message id; throws a `MailProviderError` when refused. */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  /**
   * Did the provider accept this delivery already? The emulator can tell; real SES cannot ('unknown'),
   * so a crash between the SES call and recording it sends the email again (at-least-once there).
   */
  wasAccepted(deliveryId: string): Promise<PastDelivery>;
}

/**
 * The provider refused: `permanent` when sending again cannot help (a rejected message or address);
 * `inDoubt` when no answer came (a time-out, a broken connection): it may have accepted the email.
 */
export class MailProviderError extends Error {
  override name = 'MailProviderError';
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly inDoubt = false,
  ) {
    super(message);
  }
}
