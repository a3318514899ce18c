import type { ClubWithEvents } from '../../domain/students/with-events.js';
import { eventView, recruitingEventView } from './officer-views.js';

// Upstream's student shapes. Clubs come with their events, as the catalog shows them: `_cls` dropped
// from events, kept on recruiting events.

export const studentClubView = ({ club, events, recruitingEvents }: ClubWithEvents, zone: string) => ({
  name: club.name,
  link_name: club.linkName,
  logo_url: club.logoUrl,
  events: events.map((event) => {
    const { _cls, ...view } = eventView(event, zone);
    return view;
  }),
  recruiting_events: recruitingEvents.map((event) => recruitingEventView(event, zone)),
});

export const clubBoardView = (board: Record<string, ClubWithEvents[]>, zone: string) => ({
  interested_clubs: (board.interested_clubs ?? []).map((club) => studentClubView(club, zone)),
  applied_clubs: (board.applied_clubs ?? []).map((club) => studentClubView(club, zone)),
  interviewed_clubs: (board.interviewed_clubs ?? []).map((club) => studentClubView(club, zone)),
});
