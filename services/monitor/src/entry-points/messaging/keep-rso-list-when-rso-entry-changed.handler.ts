import { RsoListEntryChangedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { catalogWrites } from '../../data-access/club-writes.js';

/** Which emails are on the RSO list (each email's newest change wins; the kernel orders them). */
export const keepRsoListWhenRsoEntryChanged = on(RsoListEntryChangedV1, ({ data }, tx) =>
  catalogWrites(tx).rsoEntry(data.email, data.listed),
);
