import { runAsProcess } from '@sproul/common/service/process';
import { catalogService } from './service.js';

await runAsProcess(catalogService);
