import { packageVersion } from '@sproul/common/http';

/** The gateway's own version (its package.json), in `/healthz` and `service_info`. */
export const gatewayVersion = packageVersion(new URL('../package.json', import.meta.url));
