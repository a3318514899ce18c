import { constants } from 'node:zlib';
import compression from 'compression';

/**
 * gzip or brotli (as the client prefers) for answers of 1 KB or more, as upstream's Flask-Compress did;
 * small answers go out as they are, where compressing costs more than it saves. Brotli at quality 4:
 * its default (11) is meant for static files, and costs a catalog page tens of milliseconds.
 */
export const compressLargeAnswers = () =>
  compression({
    threshold: 1024,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
