import type { ComponentChildren } from 'preact';

/** An error from the server (its `reason`), announced to screen readers. */
export function ErrorNotice({ reason }: { reason?: string }) {
  if (!reason) return null;
  return (
    <p role="alert" class="error">
      <mark>{reason}</mark>
    </p>
  );
}

/** What just happened (added, removed, imported…). */
export function StatusNotice({ children }: { children?: ComponentChildren }) {
  if (!children) return null;
  return (
    <p role="status">
      <ins>{children}</ins>
    </p>
  );
}

/** What a page's last change came to (`useAction`): the server's reason, or what was done. */
export function ActionNotices({ action }: { action: { error?: string; done?: string } }) {
  return (
    <>
      <ErrorNotice reason={action.error} />
      <StatusNotice>{action.done}</StatusNotice>
    </>
  );
}
