import type { Logger } from '@sproul/common/logging';

/**
 * Retries the first call to the store for a while: in `npm run stack` s3rver starts beside the
 * services, and a media process that gave up at once would only be restarted by the supervisor.
 */
export async function untilReachable<T>(call: () => Promise<T>, logger: Logger, attempts = 40): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts) throw error;
      if (attempt === 1) logger.warn({ err: error }, 'object store not reachable yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
