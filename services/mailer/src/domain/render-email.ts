import Handlebars from 'handlebars';
import { layout } from '../templates/layout.js';
import type { MailTemplate } from '../templates/mail-template.js';
import { type TemplateName, templates } from '../templates/templates.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Fills a template with an event's variables; throws `MissingVariableError` for one it lacks. */
export type RenderEmail = (template: TemplateName, variables: Record<string, string>) => RenderedEmail;

export class BadVariablesError extends Error {
  override name = 'BadVariablesError';
}

// Handlebars escapes values for HTML in the HTML; subjects and text are not HTML.
const engine = Handlebars.create();
const compileText = (source: string) => engine.compile(source, { noEscape: true, strict: false });

/**
 * Compiles every template once: MJML → responsive HTML (with the handlebars placeholders kept), then
 * each of subject, HTML and text → a handlebars function. Per email only handlebars runs.
 */
export async function compileTemplates(all: Record<string, MailTemplate> = templates): Promise<RenderEmail> {
  // Loaded here, not with the package: only a starting mailer needs it (about half a second).
  const { default: mjml2html } = await import('mjml');
  const compiled = new Map<string, (variables: Record<string, string>) => RenderedEmail>();
  for (const [name, template] of Object.entries(all)) {
    const { html, errors } = await mjml2html(layout(template.mjml), { validationLevel: 'strict' });
    if (errors.length > 0)
      throw new Error(`template ${name}: ${errors.map((e) => e.formattedMessage).join('; ')}`);
    const subject = compileText(template.subject);
    const body = engine.compile(html);
    const text = compileText(template.text);
    compiled.set(name, (variables) => {
      checkVariables(template, variables);
      return { subject: subject(variables), html: body(variables), text: text(variables) };
    });
  }
  return (template, variables) => {
    const render = compiled.get(template);
    if (!render) throw new BadVariablesError(`no template named ${template}`);
    return render(variables);
  };
}

/** A missing value would send a broken email; a link that is not http(s) could run script. */
function checkVariables(template: MailTemplate, variables: Record<string, string>) {
  for (const name of [...template.variables, 'unsubscribe_url']) {
    const value = variables[name];
    if (value === undefined) {
      if (name === 'unsubscribe_url') continue;
      throw new BadVariablesError(`missing variable ${name}`);
    }
    if (name.endsWith('_url') && !/^https?:\/\//i.test(value)) {
      throw new BadVariablesError(`variable ${name} is not an http(s) link`);
    }
  }
}

/**
 * The templates compiled when the first email needs them, not at start: MJML takes about a second to
 * load and compile on one core, which `npm start` would otherwise wait for (render-email.test.ts
 * compiles every template, so a broken one still fails CI rather than an email).
 */
export function renderWhenFirstNeeded(): (
  template: TemplateName,
  variables: Record<string, string>,
) => Promise<RenderedEmail> {
  let compiled: Promise<RenderEmail> | undefined;
  return async (template, variables) => {
    compiled ??= compileTemplates().catch((error) => {
      compiled = undefined; // tried again with the next email (each is retried by the bus)
      throw error;
    });
    return (await compiled)(template, variables);
  };
}
