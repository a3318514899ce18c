// `npm run stack` without S3_ENDPOINT: an S3-compatible store (s3rver behind a front checking
// signatures with S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY) as one more supervised process, files under
// DATA_DIR/s3, on S3_PORT. The media service is pointed at it with the same keys.
import path from 'node:path';
import { startEmbeddedS3 } from './embedded-s3.js';

const directory = path.resolve(process.env.DATA_DIR ?? '.data', 's3');
const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = process.env;
const credentials = accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined;
const s3 = await startEmbeddedS3(directory, Number(process.env.S3_PORT ?? 8090), false, credentials);
process.stdout.write(`S3 store (s3rver) at ${s3.endpoint}, files in ${directory}\n`);
const stop = () => void s3.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
