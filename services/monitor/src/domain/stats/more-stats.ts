import type { Db } from '@sproul/common/db';
import {
  clubRequirementCounts,
  pictureCounts,
  socialLinkCounts,
} from '../../data-access/club-stats-queries.js';

// Upstream answered each as a one-element list, which the dashboard reads as `data[0]`: kept.

export const socialMediaStats = async (db: Db) => [await socialLinkCounts(db)];
export const clubRequirementStats = async (db: Db) => [await clubRequirementCounts(db)];
export const pictureStats = async (db: Db) => [await pictureCounts(db)];
