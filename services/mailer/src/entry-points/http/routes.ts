import { bulkRoutes } from './bulk-routes.js';
import { notificationRoutes } from './notification-routes.js';
import { unsubscribeRoutes } from './unsubscribe-routes.js';

export const mailerRoutes = [...unsubscribeRoutes, ...notificationRoutes, ...bulkRoutes];
