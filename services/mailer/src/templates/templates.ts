import type { EmailRequestedV1 } from '@sproul/common/events';
import type { z } from 'zod';
import { actionEmail } from './action-email.js';
import type { MailTemplate } from './mail-template.js';

export type TemplateName = z.output<typeof EmailRequestedV1.schema>['template'];

/**
 * Every email the platform sends, by the name events use. Subjects, titles and buttons of the confirm
 * and reset emails are upstream's. Later issues add theirs here (invitation, event message: the latter
 * with a `bulkCategory`, so it carries List-Unsubscribe).
 */
export const templates: Record<TemplateName, MailTemplate> = {
  'confirm-email': actionEmail({
    subject: 'Please confirm your email',
    title: 'Start using sproul.club',
    lines: ["Thanks for registering your club. Confirm that this is your email address and you're all set."],
    button: 'Verify Email',
    link: 'confirm_url',
    after: 'The link works once.',
  }),
  'reset-password': actionEmail({
    subject: 'Reset your password',
    title: 'Reset Your Password',
    lines: ['Someone (hopefully you) asked to reset the password of your sproul.club account.'],
    button: 'Reset Password',
    link: 'reset_pass_url',
    after: "The link works once and expires soon. If you didn't ask for it, ignore this email.",
  }),
  'magic-link': actionEmail({
    subject: 'Your sign-in link for sproul.club',
    title: 'Sign in to sproul.club',
    lines: ['Use the button below to sign in. No password needed.'],
    button: 'Sign In',
    link: 'magic_url',
    after: "The link works once and expires soon. If you didn't ask for it, ignore this email.",
  }),
  'account-exists': {
    ...actionEmail({
      subject: 'You already have a sproul.club account',
      title: 'You already have an account',
      lines: [
        'Someone tried to register a new account with this email address, which already has one.',
        {
          html: 'If that was you, sign in instead. Forgot your password? <a href="{{recover_url}}">Reset it here</a>.',
          text: 'If that was you, sign in instead. Forgot your password? Reset it here: {{recover_url}}',
        },
      ],
      button: 'Sign In',
      link: 'signin_url',
      after: "If it wasn't you, you can ignore this email: nothing changed.",
    }),
    variables: ['signin_url', 'recover_url'],
  },
  'officer-invitation': {
    ...actionEmail({
      subject: "You're invited to help run {{club_name}} on sproul.club",
      title: 'Join the {{club_name}} team',
      lines: [
        '{{inviter}} invited you to be {{role}} of {{club_name}} on sproul.club, to edit its page, events and members.',
      ],
      button: 'Accept Invitation',
      link: 'accept_url',
      after:
        'The link works once and expires on {{expires_at}}. If you did not expect it, ignore this email.',
    }),
    variables: ['accept_url', 'club_name', 'inviter', 'role', 'expires_at'],
  },
  'rsvp-promoted': {
    ...actionEmail({
      subject: "You're off the waitlist: {{event_name}}",
      title: 'A seat is yours',
      lines: [
        'A seat freed up at {{event_name}} ({{club_name}}), {{starts_at}}, {{location}}: you are going.',
        'Show your ticket at the door. If you cannot come after all, cancel your RSVP so the next person gets the seat.',
      ],
      button: 'Show My Ticket',
      link: 'ticket_url',
    }),
    variables: ['event_name', 'club_name', 'starts_at', 'location', 'ticket_url'],
  },
};
