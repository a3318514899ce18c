import { runAsProcess } from '@sproul/common/service/process';
import { recommenderService } from './service.js';

await runAsProcess(recommenderService);
