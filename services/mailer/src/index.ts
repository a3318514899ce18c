export { configSchema, type MailerConfig } from './config.js';
export { sesMailProvider } from './data-access/ses-mail-provider.js';
export { type SesEmulator, startSesEmulator } from './dev/ses-emulator.js';
export type { MailProvider, OutgoingEmail, PastDelivery } from './domain/mail-provider.js';
export { MailProviderError } from './domain/mail-provider.js';
export { defineMailerService, type MailerOptions, mailerService } from './service.js';
