export interface Limit {
  points: number;
  seconds: number;
}

export interface Rule {
  name: string;
  /** The routes, as auth mounts them; matched whatever the method, case, slashes or encoding. */
  paths: string[];
  perIp: Limit;
  /** Per account (see `accountsOf` in rate-limit-keys.ts): slows guessing one account's password. */
  perAccount?: Limit;
  /**
   * Whether a request answered without an error (below 400) gives its try back: then only failed password checks count,
   * and a client that sends its Basic credentials with every call is not locked out by its own use.
   */
  onlyFailuresCount?: boolean;
}

/**
 * The routes attackers aim at: anything that checks a password, account creation, and anything that
 * sends mail (a way to spam someone's inbox through us). Upstream had no limits at all (§6.3).
 * Every method counts: auth answers GET /api/user/login (Basic) beside POST, and HEAD runs GET's handler.
 */
export const RULES: Rule[] = [
  {
    // One rule, so one allowance per account, for every route that checks a password: the sign-ins
    // (POST with a JSON body, GET /api/user/login with Basic), the change of password (the old one),
    // and any request with Basic credentials (`/api/user` takes them on every method).
    name: 'credentials',
    paths: ['/api/user/login', '/api/monitor/login', '/api/student/login', '/api/admin/change-password'],
    perIp: { points: 30, seconds: 60 },
    perAccount: { points: 10, seconds: 600 },
    onlyFailuresCount: true,
  },
  {
    name: 'register',
    paths: ['/api/user/register', '/api/student/register'],
    perIp: { points: 10, seconds: 600 },
    perAccount: { points: 5, seconds: 3600 },
  },
  { name: 'password-strength', paths: ['/api/user/password-strength'], perIp: { points: 60, seconds: 60 } },
  // It answers whether an address is on the RSO list (the web client needs that before sign-in):
  // one client may ask about a few addresses, not walk a list of them (user enumeration, §6.3).
  { name: 'email-exists', paths: ['/api/user/email-exists'], perIp: { points: 60, seconds: 60 } },
  {
    name: 'email',
    paths: ['/api/user/request-reset', '/api/user/resend-confirm', '/api/user/magic-link'],
    perIp: { points: 10, seconds: 600 },
    perAccount: { points: 3, seconds: 3600 },
  },
  {
    // An invitation emails the invited address: per inviter (bearer) and per invited address.
    name: 'invitations',
    paths: ['/api/user/team/invitations'],
    perIp: { points: 30, seconds: 600 },
    perAccount: { points: 20, seconds: 3600 },
  },
  {
    // A code sent by SMS costs money and reaches someone's phone: auth limits codes per account and per
    // number itself (3 an hour, in its database); this slows one client working through many accounts,
    // and code guessing. Reads of /api/user/phone count too (every method does): a client has no reason
    // to poll it.
    name: 'phone',
    paths: ['/api/user/phone', '/api/user/phone/verify'],
    perIp: { points: 30, seconds: 600 },
    perAccount: { points: 20, seconds: 600 },
  },
  {
    // Accepting may create an account (a password hashed): as registration, per address.
    name: 'accept-invitation',
    paths: ['/api/user/invitations/accept'],
    perIp: { points: 20, seconds: 600 },
  },
];
