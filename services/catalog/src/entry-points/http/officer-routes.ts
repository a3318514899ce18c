import { requireAuth, type TokenVerifier } from '@sproul/common/auth';
import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { type Request, Router } from 'express';
import type { Officer } from '../../domain/clubs/find-own-club.js';
import { addEvent } from '../../domain/events/add-event.js';
import { editEvent } from '../../domain/events/edit-event.js';
import { listEvents } from '../../domain/events/list-events.js';
import { removeEvent } from '../../domain/events/remove-event.js';
import { editCaption } from '../../domain/gallery/edit-caption.js';
import { listGallery } from '../../domain/gallery/list-gallery.js';
import { removeGalleryItem } from '../../domain/gallery/remove-gallery-item.js';
import { addQuestion } from '../../domain/lists/add-question.js';
import { addResource } from '../../domain/lists/add-resource.js';
import { editQuestion } from '../../domain/lists/edit-question.js';
import { editResource } from '../../domain/lists/edit-resource.js';
import { listFaq } from '../../domain/lists/list-faq.js';
import { listResources } from '../../domain/lists/list-resources.js';
import { removeQuestion } from '../../domain/lists/remove-question.js';
import { removeResource } from '../../domain/lists/remove-resource.js';
import { editOfficerProfile } from '../../domain/profile/edit-officer-profile.js';
import { officerProfile } from '../../domain/profile/officer-profile.js';
import { isMultipart, readFormFields } from './form-fields.js';
import {
  captionBody,
  eventBody,
  eventEditBody,
  faqBody,
  faqEditBody,
  itemIdParams,
  profileEditBody,
  recruitingEventBody,
  recruitingEventEditBody,
  resourceBody,
  resourceEditBody,
} from './officer-schemas.js';
import {
  eventView,
  galleryItemView,
  officerProfileView,
  questionView,
  recruitingEventView,
  resourceView,
} from './officer-views.js';
import { parseParams } from './parse-request.js';

export interface OfficerApiContext {
  db: Db;
  outbox: Outbox;
  verifier: TokenVerifier;
  config: { CAMPUS_TZ: string };
}

/** Keys sent as null mean "leave as is" in upstream's PUT bodies for resources and events. */
const withoutNulls = <T extends Record<string, unknown>>(body: T) =>
  Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };

/**
 * `/api/admin/*`: a club officer edits their own club (the club is found from the token's account, so
 * no route can reach another club). Every write bumps `last_updated` and emits ClubUpdated in the same
 * transaction, and answers what upstream's web client reads: the whole updated list.
 */
export function officerRoutes(ctx: OfficerApiContext) {
  const router = Router();
  const zone = ctx.config.CAMPUS_TZ;
  const officer = requireAuth(ctx.verifier, 'officer');
  const me = (req: Request): Officer => ({ userId: req.auth!.sub, clubId: req.auth!.club });
  const id = (req: Request) => parseParams(itemIdParams, req.params, 'path').id;

  router.get('/profile', officer, async (req, res) => {
    res.json(officerProfileView(await officerProfile(ctx.db, me(req)), zone));
  });
  router.post('/profile', officer, async (req, res) => {
    await editOfficerProfile(ctx, me(req), profileEditBody(zone).parse(req.body));
    res.json({ status: 'success' });
  });

  router.get('/resources', officer, async (req, res) => {
    res.json((await listResources(ctx.db, me(req))).map(resourceView));
  });
  router.post('/resources', officer, async (req, res) => {
    const list = await addResource(ctx, me(req), resourceBody.parse(req.body));
    res.json(list.map(resourceView));
  });
  router.put('/resources/:id', officer, async (req, res) => {
    const changes = withoutNulls(resourceEditBody.parse(req.body));
    res.json((await editResource(ctx, me(req), id(req), changes)).map(resourceView));
  });
  router.delete('/resources/:id', officer, async (req, res) => {
    res.json((await removeResource(ctx, me(req), id(req))).map(resourceView));
  });

  const events = (list: Parameters<typeof eventView>[0][]) => list.map((event) => eventView(event, zone));
  router.get('/events', officer, async (req, res) => {
    res.json(events(await listEvents(ctx.db, me(req), 'event')));
  });
  router.post('/events', officer, async (req, res) => {
    const body = eventBody(zone).parse(req.body);
    res.json(events(await addEvent(ctx, me(req), 'event', { ...body, virtual_link: null })));
  });
  router.put('/events/:id', officer, async (req, res) => {
    const changes = withoutNulls(eventEditBody(zone).parse(req.body));
    res.json(events(await editEvent(ctx, me(req), 'event', id(req), changes)));
  });
  router.delete('/events/:id', officer, async (req, res) => {
    res.json(events(await removeEvent(ctx, me(req), 'event', id(req))));
  });

  const recruiting = (list: Parameters<typeof recruitingEventView>[0][]) =>
    list.map((event) => recruitingEventView(event, zone));
  router.get('/recruiting-events', officer, async (req, res) => {
    res.json(recruiting(await listEvents(ctx.db, me(req), 'recruiting')));
  });
  router.post('/recruiting-events', officer, async (req, res) => {
    const body = recruitingEventBody(zone).parse(req.body);
    const event = { ...body, links: [], location: '', tags: [] };
    res.json(recruiting(await addEvent(ctx, me(req), 'recruiting', event)));
  });
  router.put('/recruiting-events/:id', officer, async (req, res) => {
    const changes = recruitingEventEditBody(zone).parse(req.body);
    res.json(recruiting(await editEvent(ctx, me(req), 'recruiting', id(req), changes)));
  });
  router.delete('/recruiting-events/:id', officer, async (req, res) => {
    res.json(recruiting(await removeEvent(ctx, me(req), 'recruiting', id(req))));
  });

  router.get('/faq', officer, async (req, res) => {
    res.json((await listFaq(ctx.db, me(req))).map(questionView));
  });
  router.post('/faq', officer, async (req, res) => {
    res.json((await addQuestion(ctx, me(req), faqBody.parse(req.body))).map(questionView));
  });
  router.put('/faq/:id', officer, async (req, res) => {
    const changes = faqEditBody.parse(req.body);
    res.json((await editQuestion(ctx, me(req), id(req), changes)).map(questionView));
  });
  router.delete('/faq/:id', officer, async (req, res) => {
    res.json((await removeQuestion(ctx, me(req), id(req))).map(questionView));
  });

  router.get('/gallery-media', officer, async (req, res) => {
    res.json((await listGallery(ctx.db, me(req))).map(galleryItemView));
  });
  // Upstream's web client sends the caption as multipart/form-data; JSON works too.
  router.put('/gallery-media/photo/:id', officer, async (req, res) => {
    const { caption } = captionBody.parse(isMultipart(req) ? await readFormFields(req) : req.body);
    res.json((await editCaption(ctx, me(req), id(req), caption)).map(galleryItemView));
  });
  router.delete('/gallery-media/:id', officer, async (req, res) => {
    res.json((await removeGalleryItem(ctx, me(req), id(req))).map(galleryItemView));
  });

  return router;
}
