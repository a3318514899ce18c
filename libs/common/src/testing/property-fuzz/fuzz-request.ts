/** Who sends a request: nobody, a signed-in account of a role, or a token that must be refused. */
export type Identity = 'anonymous' | 'student' | 'officer' | 'admin' | 'expired token' | 'garbage token';

export const IDENTITIES: readonly Identity[] = [
  'anonymous',
  'student',
  'officer',
  'admin',
  'expired token',
  'garbage token',
];

/** One request as the fuzzer sends it: the path and query raw (already percent-encoded, or not, on purpose). */
export interface FuzzRequest {
  /** The documented route, `POST /api/admin/events/{id}`. */
  route: string;
  identity: Identity;
  /** The kind of mutation: `as documented`, `hostile string`, `malformed JSON`… */
  kind: string;
  /** What was done to the documented request: `as documented`, `hostile string (sql) in body.name`… */
  mutation: string;
  method: string;
  path: string;
  query: string;
  /** Headers besides the credentials (added when sent: tokens change as sessions end). */
  headers: Record<string, string>;
  body?: string;
}

const MAX_SHOWN = 1_500;

/** A request as a person reads it: the request line, its headers, its body (escapes for what is not printable). */
export function describeRequest(request: FuzzRequest): string {
  const url = `${request.path}${request.query ? `?${request.query}` : ''}`;
  const lines = [
    `${request.method} ${shorten(url)}`,
    `  (route ${request.route}; ${request.identity}; ${request.mutation})`,
  ];
  if (request.identity !== 'anonymous') lines.push(`  authorization: <${request.identity}>`);
  for (const [name, value] of Object.entries(request.headers))
    lines.push(`  ${name}: ${shorten(printable(value))}`);
  if (request.body !== undefined) lines.push(`  body: ${shorten(printable(request.body))}`);
  return lines.join('\n');
}

/** Control characters, lone surrogates and other invisibles as `\u` escapes; the rest as it is. */
export const printable = (text: string) =>
  [...text]
    .map((char) => {
      const code = char.charCodeAt(0);
      const invisible =
        code < 0x20 ||
        (code >= 0x7f && code <= 0x9f) ||
        (code >= 0x200b && code <= 0x200f) ||
        (code >= 0x202a && code <= 0x202e) ||
        code === 0xfeff ||
        (char.length === 1 && code >= 0xd800 && code <= 0xdfff);
      return invisible ? `\\u${code.toString(16).padStart(4, '0')}` : char;
    })
    .join('');

/** Long runs of one character as `x…(×10001)`, then at most MAX_SHOWN characters. */
const shorten = (long: string) => {
  const text = long.replace(/(.)\1{15,}/gsu, (run, char: string) => `${char}…(×${[...run].length})`);
  return text.length <= MAX_SHOWN ? text : `${text.slice(0, MAX_SHOWN)}… (${long.length} characters in all)`;
};
