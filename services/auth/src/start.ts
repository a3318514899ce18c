import { runAsProcess } from '@sproul/common/service/process';
import { authService } from './service.js';

await runAsProcess(authService);
