import { routesOf } from '@sproul/common/service';
import type { MonitorContext } from '../../domain/monitor-context.js';

/** `defineRoute` for the monitor's routes: each handler gets the monitor's context. */
export const route = routesOf<MonitorContext>();

export const TAG = 'Admin dashboard';
/** Upstream's monitor routes: role admin (a wrong role is upstream's 401). */
export const ADMIN = ['admin'] as const;
