export { configSchema } from './config.js';
export {
  type ClubPerson,
  eachPerson,
  type PeopleFilter,
  selectPeople,
} from './domain/roster/select-people.js';
export { engagementService } from './service.js';
