import type { Club } from '../../data-access/club-repository.js';
import type { StudentProfileDetails } from '../../domain/students/student-profile.js';
import { clubBoardView, studentClubView } from './student-club-views.js';

// Upstream's student profile shape: its clubs as student-club-views.ts shows them.

/** Upstream's four fields, and why it is recommended ("because you follow X"). */
export const recommendedView = (
  club: Pick<Club, 'linkName' | 'name' | 'logoUrl' | 'aboutUs'> & { reason: string },
) => ({
  link_name: club.linkName,
  name: club.name,
  logo_url: club.logoUrl,
  about_us: club.aboutUs,
  reason: club.reason,
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
