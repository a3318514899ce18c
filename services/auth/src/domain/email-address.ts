/** Emails compare case-insensitively and without surrounding spaces (upstream matched them exactly). */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
