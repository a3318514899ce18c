import { z } from 'zod';
import { suppressionList } from '../../data-access/suppression-repository.js';
import { readUnsubscribeLink } from '../../domain/unsubscribe-links.js';
import { badUnsubscribeLink } from '../../errors.js';
import { route } from './route.js';

const link = z.object({
  a: z.string().max(400),
  // A category (`event-message`), or one club's bulk mail (`club:<clubId>`, BulkEmailRequested).
  c: z.string().regex(/^(?:[a-z0-9-]{1,40}|club:[A-Za-z0-9_-]{1,64})$/),
  s: z.string().max(100),
});
const TAG = 'Mail';

/**
 * The unsubscribe link of bulk mail. POST is RFC 8058's one-click (mailbox providers send it; the
 * signed query says who and what); GET, the footer link a person follows, shows a button that POSTs,
 * so that a link scanner opening the URL unsubscribes no one.
 */
export const unsubscribeRoutes = [
  route(
    {
      method: 'post',
      path: '/api/mail/unsubscribe',
      tag: TAG,
      summary: 'One-click unsubscribe from a category of bulk mail (signed link)',
      query: link,
      // Mailbox providers post `List-Unsubscribe=One-Click` as a form (RFC 8058); the query says all.
      alsoAccepts: ['form'],
      responses: { 200: { description: 'Unsubscribed', schema: z.object({ status: z.literal('success') }) } },
    },
    async ({ ctx, query }) => {
      const named = readUnsubscribeLink(ctx.config, query);
      if (!named) throw badUnsubscribeLink();
      await suppressionList(ctx.db).add(named.address, named.category, 'unsubscribe');
      return { status: 'success' as const };
    },
  ),
  route(
    {
      method: 'get',
      path: '/api/mail/unsubscribe',
      tag: TAG,
      summary: 'The page an unsubscribe link opens: one button that unsubscribes',
      query: link,
      responses: { 200: { description: 'An HTML page', contentType: 'text/html' } },
    },
    ({ ctx, query, req, res }) => {
      const named = readUnsubscribeLink(ctx.config, query);
      if (!named) throw badUnsubscribeLink();
      const what = named.category.startsWith('club:') ? "this club's emails" : 'these emails';
      const action = escapeHtml(req.originalUrl);
      res
        .type('html')
        .set('cache-control', 'no-store')
        .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head>
<body><main><h1>Unsubscribe</h1><p>Stop receiving ${what} from sproul.club?</p>
<form method="post" action="${action}" enctype="multipart/form-data"><button type="submit">Unsubscribe</button></form>
</main></body></html>`);
    },
  ),
];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
