/**
 * One kind of email: its subject, its body as MJML (the layout's content, with handlebars
 * placeholders) and as plain text (handlebars too). Compiled once at start (render-templates.ts).
 */
export interface MailTemplate {
  subject: string;
  /** The MJML sections inside the shared layout (layout.ts). */
  mjml: string;
  text: string;
  /** Variables the event must carry; those ending in `_url` must be http(s) links. */
  variables: readonly string[];
  /**
   * Set for bulk mail (event messages, newsletters): the category a recipient can unsubscribe from with
   * one click (`List-Unsubscribe`). Transactional mail (confirmations, resets) has none.
   */
  bulkCategory?: string;
}

/** The address people can write to, in every footer (upstream's). */
export const CONTACT = 'sproul.club@gmail.com';
