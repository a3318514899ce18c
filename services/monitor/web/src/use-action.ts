import { useState } from 'preact/hooks';
import { reasonOf } from './use-load.js';

/**
 * Runs a change (add, remove, rename…) and keeps what the admin should read about it: the server's
 * reason when it fails, a short note when it worked.
 */
export function useAction() {
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<string | undefined>): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await action());
      return true;
    } catch (failure) {
      setError(reasonOf(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { error, done, busy, run };
}
