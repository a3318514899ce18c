import { clubBoardRoutes } from './student/club-board-routes.js';
import { favoriteRoutes } from './student/favorite-routes.js';
import { lookupRoutes } from './student/lookup-routes.js';
import { profileRoutes } from './student/profile-routes.js';
import { recommendedClubsRoute } from './student/recommended-clubs-route.js';

/**
 * `/api/student/*` data (accounts, sign-in and tokens are auth's): the public major, minor and year
 * lists, and the signed-in student's profile, favourite clubs and club board.
 */
export const studentRoutes = [
  ...lookupRoutes,
  ...profileRoutes,
  recommendedClubsRoute,
  ...favoriteRoutes,
  ...clubBoardRoutes,
];
