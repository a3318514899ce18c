import { socialLinkNames } from '@sproul/common/events';
import { DateTime } from 'luxon';
import type { ClubEvent } from '../../data-access/club-event-repository.js';
import type { ClubQuestion } from '../../data-access/club-faq-repository.js';
import type { GalleryItem } from '../../data-access/club-gallery-repository.js';
import type { ClubResource } from '../../data-access/club-resource-repository.js';
import type { SocialMediaLinks } from '../../data-access/schema.js';
import type { OfficerProfile } from '../../domain/profile/officer-profile.js';

// Upstream's shapes for the officer API. Its serialiser kept mongoengine's `_cls` on events, recruiting
// events and gallery items there, so these do too; dates carry the campus offset.

export const campusIso = (date: Date | null, zone: string): string | null =>
  date ? DateTime.fromJSDate(date, { zone }).toISO() : null;

export const resourceView = (resource: ClubResource) => ({
  id: resource.id,
  name: resource.name,
  link: resource.link,
});

export const eventView = (event: ClubEvent, zone: string) => ({
  _cls: 'Event',
  id: event.id,
  invite_only: event.inviteOnly,
  name: event.name,
  link: event.link ?? '',
  links: event.links,
  location: event.location,
  event_start: campusIso(event.eventStart, zone),
  event_end: campusIso(event.eventEnd, zone),
  description: event.description,
  tags: event.tags,
});

export const recruitingEventView = (event: ClubEvent, zone: string) => ({
  _cls: 'Event.RecruitingEvent',
  id: event.id,
  invite_only: event.inviteOnly,
  name: event.name,
  link: event.link,
  links: event.links,
  virtual_link: event.virtualLink,
  location: event.location,
  event_start: campusIso(event.eventStart, zone),
  event_end: campusIso(event.eventEnd, zone),
  description: event.description,
});

export const questionView = (question: ClubQuestion) => ({
  id: question.id,
  question: question.question,
  answer: question.answer,
});

export const galleryItemView = (item: GalleryItem) => ({
  _cls: 'GalleryMedia.GalleryPic',
  id: item.id,
  type: item.type,
  url: item.url,
  caption: item.caption,
});

/** Upstream's `social_media_links` keys: the contact email, then the links the statistics count. */
const SOCIAL_LINK_KEYS = ['contact_email', ...socialLinkNames] as const;

/** Always an object with every key (the web client calls `Object.keys` on it); unset links are null. */
export const socialMediaLinksView = (links: SocialMediaLinks, ownerEmail: string) =>
  Object.fromEntries(
    SOCIAL_LINK_KEYS.map((key) => [key, links[key] ?? (key === 'contact_email' ? ownerEmail : null)]),
  );

/** `GET /api/admin/profile`: the whole club as the catalog shows it, plus `owner` and `confirmed`. */
export const officerProfileView = (profile: OfficerProfile, zone: string) => {
  const { club } = profile;
  return {
    name: club.name,
    link_name: club.linkName,
    owner: club.ownerEmail,
    confirmed: club.confirmed,
    tags: club.tags,
    app_required: club.appRequired,
    new_members: club.newMembers,
    num_users: club.numUsers,
    logo_url: club.logoUrl,
    banner_url: club.bannerUrl,
    gallery_media: profile.gallery.map(galleryItemView),
    about_us: club.aboutUs,
    get_involved: club.getInvolved,
    apply_link: club.applyLink,
    apply_deadline_start: campusIso(club.applyDeadlineStart, zone),
    apply_deadline_end: campusIso(club.applyDeadlineEnd, zone),
    recruiting_start: campusIso(club.recruitingStart, zone),
    recruiting_end: campusIso(club.recruitingEnd, zone),
    resources: profile.resources.map(resourceView),
    events: profile.events.map((event) => eventView(event, zone)),
    recruiting_events: profile.recruitingEvents.map((event) => recruitingEventView(event, zone)),
    social_media_links: socialMediaLinksView(club.socialMediaLinks, club.ownerEmail),
    faq: profile.faq.map(questionView),
    last_updated: campusIso(club.lastUpdated, zone),
    reactivated: club.reactivated,
    reactivated_last: campusIso(club.reactivatedLast, zone),
  };
};
