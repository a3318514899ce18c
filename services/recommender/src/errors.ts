import { AppError } from '@sproul/common/errors';

export const unknownClub = () =>
  new AppError('RECOMMENDER.UNKNOWN_CLUB', 404, 'No visible club has this link name');
