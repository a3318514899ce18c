import { runAsProcess } from '@sproul/common/service/process';
import { monitorService } from './service.js';

await runAsProcess(monitorService);
