import { socialLinkNames } from '@sproul/common/events';
import { z } from 'zod';

const count = z.number().int().min(0);
const weeks = z.array(count).length(10);
const clubCounts = { clubs_registered: count, clubs_confirmed: count, clubs_reactivated: count };

export const signUpStatsSchema = z.object({
  club_admin: z.object({
    main: z.object({ ...clubCounts, clubs_rso_list: count }),
    changed: z.object(clubCounts),
    history: z.object({ clubs_registered: weeks, clubs_confirmed: weeks, clubs_reactivated: weeks }),
  }),
  student: z.object({
    main: z.object({ students_signed_up: count, students_confirmed: count }),
    changed: z.object({ students_signed_up: count, students_confirmed: count }),
  }),
});

export const activityStatsSchema = z.object({
  active_club_admins: count,
  active_students: count,
  catalog_searches: count,
});

const twoFlags = (x: string, y: string) =>
  z.object(
    Object.fromEntries(
      [
        x,
        `no_${x}`,
        y,
        `no_${y}`,
        `${x}_and_${y}`,
        `${x}_and_no_${y}`,
        `no_${x}_and_${y}`,
        `no_${x}_and_no_${y}`,
      ].map((key) => [key, count]),
    ),
  );

export const socialMediaStatsSchema = z.array(
  z.object(Object.fromEntries(socialLinkNames.map((name) => [name, count]))),
);
export const clubRequirementStatsSchema = z.array(twoFlags('app_required', 'new_members'));
export const pictureStatsSchema = z.array(twoFlags('logo_pic', 'banner_pic'));

const cell = count.nullable();
export const publicStatsSchema = z.object({
  min_cell: z.number().int(),
  clubs_by_tag: z.array(z.object({ id: z.number().int(), name: z.string(), clubs: cell })),
  clubs_recruiting_now: cell,
  sign_ups_per_week: z.array(z.object({ week_start: z.string(), sign_ups: cell })),
  events_this_week: cell,
  week_start: z.string(),
});
