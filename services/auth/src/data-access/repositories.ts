import type { DbOrTx } from '@sproul/common/db';
import { accountLookups } from './account-lookups.js';
import { accountRepository } from './account-repository.js';
import { catalogMetadataRepository } from './catalog-metadata-repository.js';
import { clubOfficerRepository } from './club-officer-repository.js';
import { clubRepository } from './club-repository.js';
import { emailTokenRepository } from './email-token-repository.js';
import { invitationRepository } from './invitation-repository.js';
import { phoneRepository } from './phone-repository.js';
import { rsoRepository } from './rso-repository.js';
import { sessionRepository } from './session-repository.js';
import { sessionRotationRepository } from './session-rotation-repository.js';

/** All of auth's repositories over one connection or transaction. */
export const repositories = (db: DbOrTx) => ({
  accounts: { ...accountLookups(db), ...accountRepository(db) },
  sessions: { ...sessionRepository(db), ...sessionRotationRepository(db) },
  emailTokens: emailTokenRepository(db),
  rso: rsoRepository(db),
  catalogMetadata: catalogMetadataRepository(db),
  clubs: clubRepository(db),
  officers: clubOfficerRepository(db),
  invitations: invitationRepository(db),
  phones: phoneRepository(db),
});

export type Repositories = ReturnType<typeof repositories>;
