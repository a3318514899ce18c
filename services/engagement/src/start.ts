import { runAsProcess } from '@sproul/common/service/process';
import { engagementService } from './service.js';

await runAsProcess(engagementService);
