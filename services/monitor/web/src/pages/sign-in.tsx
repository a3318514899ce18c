import { useState } from 'preact/hooks';
import { endedBecause, signIn } from '../api.js';
import { ErrorNotice } from '../components/notice.js';
import { reasonOf } from '../use-load.js';

export function SignInPage() {
  const [error, setError] = useState(endedBecause);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(undefined);
    try {
      await signIn(String(form.get('email')), String(form.get('password')));
    } catch (failure) {
      setError(reasonOf(failure));
      setBusy(false);
    }
  }

  return (
    <main class="container">
      <article>
        <h1>Admin sign-in</h1>
        <form onSubmit={submit}>
          <label>
            Email
            <input name="email" type="email" autocomplete="username" required />
          </label>
          <label>
            Password
            <input name="password" type="password" autocomplete="current-password" required />
          </label>
          <ErrorNotice reason={error} />
          <button type="submit" aria-busy={busy} disabled={busy}>
            Sign in
          </button>
        </form>
      </article>
    </main>
  );
}
