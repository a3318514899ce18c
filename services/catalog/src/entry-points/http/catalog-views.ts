import { DateTime } from 'luxon';
import type { ClubListEntry } from '../../data-access/club-catalog-repository.js';
import type { ClubEvent } from '../../data-access/club-event-repository.js';
import type { ClubDetails } from '../../domain/club-page.js';

// Upstream's public shapes. Dates are ISO 8601 with the campus offset (upstream sent naive strings);
// `social_media_links` is always an object and `last_updated` always a string: the web client relies on both.

export const isoAt = (date: Date | null, zone: string): string | null =>
  date ? DateTime.fromJSDate(date, { zone }).toISO() : null;

export const clubListEntryView = (club: ClubListEntry, zone: string) => ({
  name: club.name,
  link_name: club.linkName,
  about_us: club.aboutUs,
  tags: club.tags,
  app_required: club.appRequired,
  new_members: club.newMembers,
  num_users: club.numUsers,
  logo_url: club.logoUrl,
  banner_url: club.bannerUrl,
  last_updated: isoAt(club.lastUpdated, zone) as string,
  apply_deadline_end: isoAt(club.applyDeadlineEnd, zone),
  recruiting_end: isoAt(club.recruitingEnd, zone),
});

export const recommendedClubView = (club: ClubListEntry) => ({
  link_name: club.linkName,
  name: club.name,
  logo_url: club.logoUrl,
  about_us: club.aboutUs,
});

/** The catalog drops `_cls` from events only; recruiting events and gallery items keep it (upstream). */
const publicEventView = (event: ClubEvent, zone: string) => ({
  id: event.id,
  invite_only: event.inviteOnly,
  name: event.name,
  link: event.link ?? '',
  links: event.links,
  location: event.location,
  event_start: isoAt(event.eventStart, zone),
  event_end: isoAt(event.eventEnd, zone),
  description: event.description,
  tags: event.tags,
});

const publicRecruitingEventView = (event: ClubEvent, zone: string) => ({
  _cls: 'Event.RecruitingEvent',
  id: event.id,
  invite_only: event.inviteOnly,
  name: event.name,
  link: event.link,
  links: event.links,
  virtual_link: event.virtualLink,
  location: event.location,
  event_start: isoAt(event.eventStart, zone),
  event_end: isoAt(event.eventEnd, zone),
  description: event.description,
});

/** The full club document of upstream's club page, without the owner's email. */
export const clubPageView = (details: ClubDetails, zone: string) => {
  const { club } = details;
  return {
    name: club.name,
    link_name: club.linkName,
    tags: club.tags,
    app_required: club.appRequired,
    new_members: club.newMembers,
    num_users: club.numUsers,
    logo_url: club.logoUrl,
    banner_url: club.bannerUrl,
    gallery_media: details.gallery.map((item) => ({
      _cls: 'GalleryMedia.GalleryPic',
      id: item.id,
      type: item.type,
      url: item.url,
      caption: item.caption,
    })),
    about_us: club.aboutUs,
    get_involved: club.getInvolved,
    apply_link: club.applyLink,
    apply_deadline_start: isoAt(club.applyDeadlineStart, zone),
    apply_deadline_end: isoAt(club.applyDeadlineEnd, zone),
    recruiting_start: isoAt(club.recruitingStart, zone),
    recruiting_end: isoAt(club.recruitingEnd, zone),
    resources: details.resources.map((resource) => ({
      id: resource.id,
      name: resource.name,
      link: resource.link,
    })),
    events: details.events.map((event) => publicEventView(event, zone)),
    recruiting_events: details.recruitingEvents.map((event) => publicRecruitingEventView(event, zone)),
    social_media_links: { ...club.socialMediaLinks },
    faq: details.faq.map((entry) => ({ id: entry.id, question: entry.question, answer: entry.answer })),
    last_updated: isoAt(club.lastUpdated, zone) as string,
    reactivated: club.reactivated,
    reactivated_last: isoAt(club.reactivatedLast, zone),
  };
};
