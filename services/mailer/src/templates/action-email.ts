import { textFooter } from './layout.js';
import type { MailTemplate } from './mail-template.js';

interface ActionEmail {
  subject: string;
  title: string;
  /** Paragraphs before the button (handlebars, escaped); a pair when the HTML has markup. */
  lines: (string | { html: string; text: string })[];
  button: string;
  /** The variable holding the button's link. */
  link: string;
  /** Said after the button, e.g. when the link expires. */
  after?: string;
}

/** The shape most of the platform's emails share: a title, a few lines, one button, its link in clear. */
export function actionEmail({ subject, title, lines, button, link, after }: ActionEmail): MailTemplate {
  const para = (line: string) => `<mj-text>${line}</mj-text>`;
  const html = lines.map((line) => (typeof line === 'string' ? line : line.html));
  const text = lines.map((line) => (typeof line === 'string' ? line : line.text));
  return {
    subject,
    variables: [link],
    mjml: `<mj-section><mj-column>
  <mj-text font-size="22px" font-weight="bold">${title}</mj-text>
  ${html.map(para).join('\n  ')}
  <mj-button href="{{${link}}}">${button}</mj-button>
  ${after ? para(after) : ''}
  <mj-text font-size="13px" color="#5f6b76">If the button does not work, copy this link into your browser:<br />
    <a href="{{${link}}}">{{${link}}}</a></mj-text>
</mj-column></mj-section>`,
    text: `${title}

${text.join('\n\n')}

${button}: {{${link}}}
${after ? `\n${after}\n` : ''}
${textFooter}`,
  };
}
