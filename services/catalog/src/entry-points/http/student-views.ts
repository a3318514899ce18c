import type { Club } from '../../data-access/club-repository.js';
import type { StudentProfileDetails } from '../../domain/students/student-profile.js';
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

const recommendedView = (club: Pick<Club, 'linkName' | 'name' | 'logoUrl' | 'aboutUs'>) => ({
  link_name: club.linkName,
  name: club.name,
  logo_url: club.logoUrl,
  about_us: club.aboutUs,
});

export const studentProfileView = (details: StudentProfileDetails, zone: string) => ({
  full_name: details.profile.fullName,
  email: details.profile.email,
  majors: details.majors,
  minors: details.minors,
  interests: details.interests,
  year: details.year,
  favorited_clubs: details.favorites.map((club) => studentClubView(club, zone)),
  club_board: clubBoardView(details.board, zone),
  visited_clubs: details.visited.map((club) => club.linkName),
  recommended_clubs: details.recommended.map(recommendedView),
});
