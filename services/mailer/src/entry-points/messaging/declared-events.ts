import {
  BulkEmailProgressedV1,
  BulkEmailRequestedV1,
  EmailFailedV1,
  EmailRequestedV1,
  EmailSentV1,
  reads,
  SmsRequestedV1,
  serviceEvents,
} from '@sproul/common/events';

/**
 * What this service publishes, and which fields of each event it consumes its handlers read (the
 * contract test, e2e/event-contracts.test.ts, checks both against the producers' schemas).
 */
export const mailerEvents = serviceEvents({
  service: 'mailer',
  publishes: [EmailSentV1, EmailFailedV1, BulkEmailProgressedV1],
  reads: [
    reads(EmailRequestedV1, ['to', 'template', 'variables', 'userId?']),
    reads(SmsRequestedV1, ['to', 'text', 'purpose']),
    reads(BulkEmailRequestedV1, [
      'bulkId',
      'clubId',
      'clubName',
      'requestedBy',
      'subject',
      'body',
      'recipients[].to',
      'recipients[].userId?',
      'recipients[].fields',
    ]),
  ],
});
