import { runAsProcess } from '@sproul/common/service/process';
import { configSchema } from './config.js';
import { start } from './index.js';

await runAsProcess('recommender', configSchema, start);
