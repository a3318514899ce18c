import type { ClubListEntry } from '../../data-access/club-catalog-repository.js';
import type { ClubEvent } from '../../data-access/club-event-repository.js';
import type { EventOfClub } from '../../data-access/events-between-repository.js';
import type { ClubDetails } from '../../domain/clubs/club-details.js';
import {
  campusIso,
  eventView,
  galleryItemView,
  questionView,
  recruitingEventView,
  resourceView,
} from './officer-views.js';

// Upstream's public shapes. Dates are ISO 8601 with the campus offset (upstream sent naive strings);
// `social_media_links` is always an object and `last_updated` always a string: the web client relies on both.
// `member_count` is ours (engagement's count of members), added last: upstream's fields are unchanged.

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
  last_updated: campusIso(club.lastUpdated, zone) as string,
  apply_deadline_end: campusIso(club.applyDeadlineEnd, zone),
  recruiting_end: campusIso(club.recruitingEnd, zone),
  member_count: club.memberCount,
});

export const recommendedClubView = (club: ClubListEntry) => ({
  link_name: club.linkName,
  name: club.name,
  logo_url: club.logoUrl,
  about_us: club.aboutUs,
});

/** The catalog drops `_cls` from events only; recruiting events and gallery items keep it (upstream). */
const publicEventView = (event: ClubEvent, zone: string) => {
  const { _cls, ...view } = eventView(event, zone);
  return view;
};

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
    gallery_media: details.gallery.map(galleryItemView),
    about_us: club.aboutUs,
    get_involved: club.getInvolved,
    apply_link: club.applyLink,
    apply_deadline_start: campusIso(club.applyDeadlineStart, zone),
    apply_deadline_end: campusIso(club.applyDeadlineEnd, zone),
    recruiting_start: campusIso(club.recruitingStart, zone),
    recruiting_end: campusIso(club.recruitingEnd, zone),
    resources: details.resources.map(resourceView),
    events: details.events.map((event) => publicEventView(event, zone)),
    recruiting_events: details.recruitingEvents.map((event) => recruitingEventView(event, zone)),
    social_media_links: { ...club.socialMediaLinks },
    faq: details.faq.map(questionView),
    last_updated: campusIso(club.lastUpdated, zone) as string,
    reactivated: club.reactivated,
    reactivated_last: campusIso(club.reactivatedLast, zone),
    member_count: club.memberCount,
  };
};

export const eventOfClubView = (event: EventOfClub, zone: string) => ({
  id: event.id,
  kind: event.kind,
  invite_only: event.inviteOnly,
  name: event.name,
  link: event.link,
  links: event.links,
  virtual_link: event.virtualLink,
  location: event.location,
  event_start: campusIso(event.eventStart, zone) as string,
  event_end: campusIso(event.eventEnd, zone) as string,
  description: event.description,
  club: { name: event.clubName, link_name: event.clubLinkName },
});
