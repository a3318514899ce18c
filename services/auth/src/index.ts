import { describeRoutes } from '@sproul/common/service';
import { authRoutes } from './entry-points/http/routes.js';

export { configSchema } from './config.js';
export { createAdminAccount, createDemoAccount } from './create-admin.js';
export type { AuthContext } from './domain/auth-context.js';
export type { DemoAccount } from './domain/demo-accounts.js';
export { authService } from './service.js';

/** Auth's OpenAPI document, from its route definitions (the gateway's and Postman's source). */
export const authApiDocument = () => describeRoutes('auth', authRoutes as never);
