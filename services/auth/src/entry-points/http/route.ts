import { routesOf } from '@sproul/common/service';
import type { AuthContext } from '../../domain/auth-context.js';

/** `defineRoute` for auth's routes: each handler gets the AuthContext built in setup. */
export const route = routesOf<AuthContext>();
