export interface TokenOptions {
  sub?: string;
  email?: string;
  /** jose's duration (`30m`) or an epoch second. Default 30 minutes. */
  expiresIn?: string | number;
  confirmed?: boolean;
  club?: string | null;
  /** Claims set over the usual ones: a chosen `jti` or `sid`, a refresh token's `token_use`. */
  claims?: Record<string, unknown>;
}
