import type { MailerConfig } from '../config.js';
import { type MailProvider, MailProviderError } from '../domain/mail-provider.js';
import type { OutgoingSms, SmsSender } from '../domain/sms-sender.js';

/** The address a text message is shown under in the local inbox: `14155550123@sms.invalid`. */
export const smsInboxAddress = (phone: string) => `${phone.replace(/^\+/, '')}@sms.invalid`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * SMS_PROVIDER=dev: no text message leaves the machine. Each one is handed to the SES emulator as an
 * email to `<digits>@sms.invalid` with the subject `SMS to +…` and the text as its body, so that it shows
 * up in the embedded mode's inbox (/_dev/mail) beside the emails. Against real SES (no SES_ENDPOINT) it
 * refuses for good rather than mail a reserved domain: configure a real SMS provider there.
 */
export function devSmsSender(config: MailerConfig, mail: MailProvider): SmsSender {
  return {
    async send(sms: OutgoingSms) {
      if (!config.SES_ENDPOINT) {
        throw new MailProviderError(
          'SMS_PROVIDER=dev delivers only into the SES emulator (SES_ENDPOINT); no SMS provider is configured',
          true,
        );
      }
      const subject = `SMS to ${sms.to}`;
      return mail.send({
        deliveryId: sms.deliveryId,
        from: config.MAIL_FROM,
        to: smsInboxAddress(sms.to),
        subject,
        text: sms.text,
        html: `<!doctype html><html><body><p><strong>${escapeHtml(subject)}</strong> (${sms.purpose})</p><pre style="white-space:pre-wrap;font-size:16px">${escapeHtml(sms.text)}</pre></body></html>`,
      });
    },
    wasAccepted: (deliveryId) => mail.wasAccepted(deliveryId),
  };
}
