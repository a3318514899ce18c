import { CONTACT } from './mail-template.js';

/**
 * The platform's look around every email: the wordmark, the content, the contact footer. Placeholders
 * stay for handlebars (in mj-raw where MJML would drop them); `{{#if unsubscribe_url}}` shows the unsubscribe line on bulk mail only.
 */
export const layout = (content: string) => `<mjml>
  <mj-head>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="24px" color="#1a1a1a" />
      <mj-button background-color="#0b57a4" color="#ffffff" font-size="16px" border-radius="6px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f6f8">
    <mj-section padding="24px 0 8px">
      <mj-column>
        <mj-text align="center" font-size="24px" font-weight="bold" color="#003262">sproul.club</mj-text>
      </mj-column>
    </mj-section>
    <mj-wrapper background-color="#ffffff" border-radius="8px" padding="8px 16px">
${content}
    </mj-wrapper>
    <mj-section>
      <mj-column>
        <mj-text align="center" font-size="13px" color="#5f6b76">
          Questions? Write to us at <a href="mailto:${CONTACT}">${CONTACT}</a>.
        </mj-text>
        <mj-raw>{{#if unsubscribe_url}}</mj-raw>
        <mj-text align="center" font-size="13px" color="#5f6b76">
          <a href="{{unsubscribe_url}}">Unsubscribe</a> from these emails.
        </mj-text>
        <mj-raw>{{/if}}</mj-raw>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

/** The plain-text footer, the same words. */
export const textFooter = `--
Questions? Write to us at ${CONTACT}.
{{#if unsubscribe_url}}Unsubscribe from these emails: {{unsubscribe_url}}
{{/if}}`;
