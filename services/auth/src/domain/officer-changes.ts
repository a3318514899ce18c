import { ClubOfficerChangedV1, makeEvent } from '@sproul/common/events';
import type { ClubRole } from '../data-access/club-officer-repository.js';
import { SOURCE } from './auth-context.js';

interface Officer {
  clubId: string;
  accountId: string;
  email: string;
  name: string | null;
}

/** ClubOfficerChanged: the whole state of one (club, account) pair; `role: null` when it ended. */
export const officerChanged = (officer: Officer, role: ClubRole | null, changedBy: string | null) =>
  makeEvent(
    ClubOfficerChangedV1,
    {
      clubId: officer.clubId,
      accountId: officer.accountId,
      email: officer.email,
      name: officer.name ? officer.name.slice(0, 200) : null,
      role,
      changedBy,
    },
    SOURCE,
  );
