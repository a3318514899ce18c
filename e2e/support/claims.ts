/** What an access token says of its holder (read, not verified: the tests' own tokens). */
export const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
    sub: string;
    role: string;
    club: string | null;
    [claim: string]: unknown;
  };
