import { runAsProcess } from '@sproul/common/service/process';
import { mediaService } from './service.js';

await runAsProcess(mediaService);
