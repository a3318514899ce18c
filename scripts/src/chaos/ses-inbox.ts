// What the stack's SES emulator (PORT + 15) accepted: the mailer's sends as "Amazon" got them.

export interface SentEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** The mailer's delivery id (the X-Sproul-Delivery marker every email's HTML carries). */
  deliveryId?: string;
}

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

export async function sentEmails(sesUrl: string): Promise<SentEmail[]> {
  const store = (await (await fetch(`${sesUrl}/store`)).json()) as { emails: StoredEmail[] };
  return store.emails.map((email) => ({
    to: email.destination.to,
    subject: email.subject,
    text: email.body.text ?? '',
    html: email.body.html ?? '',
    deliveryId: email.body.html?.match(/X-Sproul-Delivery: ([0-9a-f-]{36})/)?.[1],
  }));
}

/** The emails to `to` with `subject`. */
export const emailsTo = (emails: SentEmail[], to: string, subject: string) =>
  emails.filter((email) => email.to.includes(to) && email.subject === subject);
