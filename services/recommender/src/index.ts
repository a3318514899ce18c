export { configSchema } from './config.js';
export { ClubSpace } from './domain/model/club-space.js';
export { loadEvalSet } from './domain/model/evaluation.js';
export { trainModel } from './domain/model/train-model.js';
export { recommenderService } from './service.js';
