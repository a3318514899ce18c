import { runAsProcess } from '@sproul/common/service/process';
import { mailerService } from './service.js';

await runAsProcess(mailerService);
