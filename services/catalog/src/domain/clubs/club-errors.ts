import { AppError } from '@sproul/common/errors';

export const clubNotFound = () =>
  new AppError('CATALOG.CLUB_NOT_FOUND', 404, 'The requested club does not exist!');
