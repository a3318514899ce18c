import type { DbOrTx } from '@sproul/common/db';
import { clubEventRepository } from './club-event-repository.js';
import { clubFaqRepository } from './club-faq-repository.js';
import { clubGalleryRepository } from './club-gallery-repository.js';
import { clubRepository } from './club-repository.js';
import { clubResourceRepository } from './club-resource-repository.js';
import { metadataRepository } from './metadata-repository.js';
import { studentProfileRepository } from './student-profile-repository.js';

/** All of the catalog's repositories over one connection or transaction. */
export const repositories = (db: DbOrTx) => ({
  clubs: clubRepository(db),
  events: clubEventRepository(db),
  resources: clubResourceRepository(db),
  faq: clubFaqRepository(db),
  gallery: clubGalleryRepository(db),
  students: studentProfileRepository(db),
  metadata: metadataRepository(db),
});

export type Repositories = ReturnType<typeof repositories>;
