import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { linkNameSchema } from './shared-fields.js';

/**
 * The recommender's similar-clubs answers may have changed: a club change was folded into its model,
 * or a retrained model was swapped in. A notice, not state: it carries no lists, so a consumer that
 * keeps answers built from them (the catalog's cached club pages) drops them and asks again. No
 * aggregate: every notice is applied, and applying two in any order drops the same answers.
 */
export const SimilarClubsChangedV1 = defineEvent(
  'SimilarClubsChanged',
  1,
  z.object({
    reason: z.enum(['club-changed', 'club-deleted', 'retrained']),
    /**
     * The clubs whose lists may have changed, when the producer knows; absent, any club's may have
     * (a changed club can enter or leave every other club's list).
     */
    link_names: z.array(linkNameSchema).min(1).optional(),
  }),
);
