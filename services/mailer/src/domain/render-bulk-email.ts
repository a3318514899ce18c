import { bulkEmailFields } from '@sproul/common/events';
import { textFooter } from '../templates/layout.js';
import type { MailTemplate } from '../templates/mail-template.js';
import { compileTemplates, type RenderEmail, type RenderedEmail } from './render-email.js';

/** What one recipient's bulk email is made of (the job's texts, the recipient's fields). */
export interface BulkEmailInput {
  subject: string;
  body: string;
  clubName: string;
  fields: Record<string, string>;
  unsubscribeUrl: string;
}

const known = new Set<string>(bulkEmailFields);

/**
 * Fills `{{field}}` with the recipient's value. Only bulkEmailFields are names; anything else, like a
 * field the recipient lacks, renders empty (the requester checked the template already).
 */
export const fillPlaceholders = (text: string, fields: Record<string, string>) =>
  text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_, name: string) =>
    known.has(name) ? (fields[name] ?? '') : '',
  );

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

// In escaped text: a URL ends at white space or markup; trailing punctuation belongs to the sentence.
const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
const linkify = (escaped: string) =>
  escaped.replace(URL_PATTERN, (match) => {
    const url = match.replace(/(?:[.,;:!?)\]]|&#39;|&quot;)+$/, '');
    return `<a href="${url}">${url}</a>${match.slice(url.length)}`;
  });

/**
 * Plain text as HTML: escaped (a field cannot add markup), blank lines between paragraphs, single line
 * breaks kept, http(s) URLs as links.
 */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => `<p>${linkify(escapeHtml(paragraph)).replace(/\n/g, '<br />\n')}</p>`)
    .join('\n');
}

/** The bulk email inside the platform's layout; its body comes already escaped (`body_html`). */
const bulkTemplate: MailTemplate = {
  subject: '{{subject}}',
  variables: [],
  mjml: `<mj-section><mj-column>
  <mj-text>{{{body_html}}}</mj-text>
  <mj-text font-size="13px" color="#5f6b76">The officers of {{club_name}} sent you this email through sproul.club.</mj-text>
</mj-column></mj-section>`,
  text: `{{body_text}}

The officers of {{club_name}} sent you this email through sproul.club.

${textFooter}`,
  bulkCategory: 'club',
};

let compiled: Promise<RenderEmail> | undefined;

/** Renders one recipient's bulk email (the layout compiled at the first one). */
export async function renderBulkEmail(input: BulkEmailInput): Promise<RenderedEmail> {
  compiled ??= compileTemplates({ bulk: bulkTemplate }).catch((error) => {
    compiled = undefined; // tried again with the next email
    throw error;
  });
  const render = await compiled;
  const body = fillPlaceholders(input.body, input.fields);
  return render('bulk' as never, {
    subject: fillPlaceholders(input.subject, input.fields),
    body_html: plainTextToHtml(body),
    body_text: body,
    club_name: input.clubName,
    unsubscribe_url: input.unsubscribeUrl,
  });
}
