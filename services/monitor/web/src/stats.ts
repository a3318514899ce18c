// The monitor's statistics routes, in upstream's shapes (docs/compatibility.md; the dashboard reads them too).

type Counts<K extends string> = Record<K, number>;
type ClubCount = 'clubs_registered' | 'clubs_confirmed' | 'clubs_reactivated';
type StudentCount = 'students_signed_up' | 'students_confirmed';

export interface SignUpStats {
  club_admin: {
    main: Counts<ClubCount | 'clubs_rso_list'>;
    /** In the last 7 days. */
    changed: Counts<ClubCount>;
    /** Ten weekly counts, oldest first, the last 7 days last. */
    history: Record<ClubCount, number[]>;
  };
  student: { main: Counts<StudentCount>; changed: Counts<StudentCount> };
}

export interface ActivityStats {
  active_club_admins: number;
  active_students: number;
  catalog_searches: number | string;
}

/** Upstream's one-element lists. */
export type SocialMediaStats = [Record<string, number>];
export type ClubRequirementStats = [
  Counts<
    | 'app_required_and_new_members'
    | 'app_required_and_no_new_members'
    | 'no_app_required_and_new_members'
    | 'no_app_required_and_no_new_members'
  >,
];
export type PictureStats = [
  Counts<
    | 'logo_pic_and_banner_pic'
    | 'logo_pic_and_no_banner_pic'
    | 'no_logo_pic_and_banner_pic'
    | 'no_logo_pic_and_no_banner_pic'
  >,
];

const WEEK_MS = 7 * 24 * 3600 * 1000;
const dayMonth = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });

/** Labels for `count` weekly buckets ending now, oldest first: the day each week began. */
export const weekLabels = (count: number, now = Date.now()) =>
  Array.from({ length: count }, (_, index) => dayMonth.format(new Date(now - (count - index) * WEEK_MS)));
