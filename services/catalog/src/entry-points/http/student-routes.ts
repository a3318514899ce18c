import { requireAuth, type TokenVerifier } from '@sproul/common/auth';
import type { Db } from '@sproul/common/db';
import { AppError } from '@sproul/common/errors';
import type { Outbox } from '@sproul/common/messaging';
import { type Request, type RequestHandler, Router } from 'express';
import { repositories } from '../../data-access/repositories.js';
import { addFavoriteClubs } from '../../domain/students/add-favorite-clubs.js';
import { clubBoard as readClubBoard } from '../../domain/students/club-board.js';
import { editStudentProfile } from '../../domain/students/edit-student-profile.js';
import { favoriteClubs } from '../../domain/students/favorite-clubs.js';
import { finishStudentRegistration } from '../../domain/students/finish-student-registration.js';
import { removeFavoriteClubs } from '../../domain/students/remove-favorite-clubs.js';
import { replaceClubBoard } from '../../domain/students/replace-club-board.js';
import type { Student } from '../../domain/students/student-identity.js';
import { studentProfile } from '../../domain/students/student-profile.js';
import {
  clubBoardBody,
  favoriteClubsBody,
  finishRegistrationBody,
  studentProfileEditBody,
} from './student-schemas.js';
import { clubBoardView, studentClubView, studentProfileView } from './student-views.js';

export interface StudentApiContext {
  db: Db;
  outbox: Outbox;
  verifier: TokenVerifier;
  config: { CAMPUS_TZ: string };
}

/** Upstream's `confirmed_account_required`: a student's data needs a confirmed email, same answer. */
const confirmed: RequestHandler = (req, _res, next) => {
  if (!req.auth?.confirmed) {
    throw new AppError('AUTH.UNCONFIRMED', 401, 'You are not allowed to access this endpoint!');
  }
  next();
};

/**
 * `/api/student/*` data (accounts, sign-in and tokens are auth's): the public major, minor and year
 * lists, and the signed-in student's profile, favourite clubs and club board.
 */
export function studentRoutes(ctx: StudentApiContext) {
  const router = Router();
  const zone = ctx.config.CAMPUS_TZ;
  const signedIn = [requireAuth(ctx.verifier, 'student'), confirmed];
  const me = (req: Request): Student => ({ userId: req.auth!.sub, email: req.auth!.email });

  router.get('/majors', async (_req, res) => {
    res.json(await repositories(ctx.db).metadata.majors());
  });
  router.get('/minors', async (_req, res) => {
    res.json(await repositories(ctx.db).metadata.minors());
  });
  router.get('/years', async (_req, res) => {
    res.json(await repositories(ctx.db).metadata.years());
  });

  // Upstream asks no confirmed email here: it is the step right after a student's first sign-in.
  router.post('/finish-register', requireAuth(ctx.verifier, 'student'), async (req, res) => {
    await finishStudentRegistration(ctx, me(req), finishRegistrationBody.parse(req.body));
    res.json({ status: 'success' });
  });

  router.get('/profile', ...signedIn, async (req, res) => {
    res.json(studentProfileView(await studentProfile(ctx.db, me(req)), zone));
  });
  router.post('/profile', ...signedIn, async (req, res) => {
    const edit = studentProfileEditBody.parse(req.body);
    res.json(studentProfileView(await editStudentProfile(ctx, me(req), edit), zone));
  });

  router.get('/favorite-clubs', ...signedIn, async (req, res) => {
    res.json((await favoriteClubs(ctx.db, me(req))).map((club) => studentClubView(club, zone)));
  });
  router.post('/favorite-clubs', ...signedIn, async (req, res) => {
    const { clubs } = favoriteClubsBody.parse(req.body);
    res.json((await addFavoriteClubs(ctx, me(req), clubs)).map((club) => studentClubView(club, zone)));
  });
  router.delete('/favorite-clubs', ...signedIn, async (req, res) => {
    const { clubs } = favoriteClubsBody.parse(req.body);
    res.json((await removeFavoriteClubs(ctx, me(req), clubs)).map((club) => studentClubView(club, zone)));
  });

  router.get('/club-board', ...signedIn, async (req, res) => {
    res.json(clubBoardView(await readClubBoard(ctx.db, me(req)), zone));
  });
  router.put('/club-board', ...signedIn, async (req, res) => {
    const edit = clubBoardBody.parse(req.body);
    res.json(clubBoardView(await replaceClubBoard(ctx.db, me(req), edit), zone));
  });

  return router;
}
