// The SES emulator as a process of its own, for `npm run stack` when SES_ENDPOINT is unset: the mailer
// sends to it; what it got is at its GET /store (in memory, gone when it stops).
import { startSesEmulator } from '@sproul/mailer';

const port = Number(process.env.PORT ?? 8095);
const emulator = await startSesEmulator(process.env.HOST ?? '127.0.0.1', port);
process.stdout.write(`SES emulator listening at ${emulator.url} (sent mail: ${emulator.url}/store)\n`);

const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
