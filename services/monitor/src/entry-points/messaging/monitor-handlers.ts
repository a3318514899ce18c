import { keepAccountsWhenAccountChanged } from './keep-accounts-when-account-changed.handler.js';
import { keepClubsWhenClubChanged } from './keep-clubs-when-club-changed.handler.js';
import { keepImagesWhenImageChanged } from './keep-images-when-image-changed.handler.js';
import { keepRsoListWhenRsoEntryChanged } from './keep-rso-list-when-rso-entry-changed.handler.js';
import { recordActivityWhenAccountSignedIn } from './record-activity-when-account-signed-in.handler.js';
import { recordAnswerWhenReadModelReplayed } from './record-answer-when-read-model-replayed.handler.js';
import { recordSearchesWhenSearchesCounted } from './record-searches-when-searches-counted.handler.js';

/**
 * Every event the monitor's read models are built from: accounts and the RSO list (auth), clubs and tags
 * and searches (catalog), images (media); and the owners' word that they answered a replay.
 */
export const monitorHandlers = () => [
  ...keepAccountsWhenAccountChanged,
  ...keepClubsWhenClubChanged,
  ...keepImagesWhenImageChanged,
  keepRsoListWhenRsoEntryChanged,
  recordActivityWhenAccountSignedIn,
  recordSearchesWhenSearchesCounted,
  recordAnswerWhenReadModelReplayed,
];
