import { PhoneNumberChangedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { reminderRepository } from '../../data-access/reminder-repository.js';

/** Auth's verified phone numbers (null: removed), where SMS reminders go. */
export const keepPhonesWhenPhoneNumberChanged = () =>
  on(PhoneNumberChangedV1, async ({ data }, tx) => reminderRepository(tx).setPhone(data.userId, data.phone));
