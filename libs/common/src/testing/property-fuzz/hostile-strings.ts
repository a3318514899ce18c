import fc from 'fast-check';
import { LONE_SURROGATE, NUL } from '../route-fuzz/hostile-values.js';

/** A header name that must never appear in an answer: a value that puts it there was reflected raw. */
export const INJECTED_HEADER = 'x-fuzz-injected';

export const HOSTILE_STRINGS = {
  unicode: [
    'Ünïcödé 🐻‍❄️ 👩🏽‍💻',
    '\u202eevil\u202c',
    'zero\u200bwidth\ufeff',
    'e\u0301\u0301\u0301\u0301',
    '𝕳𝖊𝖑𝖑𝖔',
    '\uffff\ufffe',
    'ß'.repeat(300),
  ],
  nul: [NUL, '\u0000', 'a\u0000b\u0000'],
  surrogates: [LONE_SURROGATE, '\udc00', 'x\ud83d', '\ud83d\ud83d'],
  numbers: [
    '1e309',
    '-1e309',
    '99999999999999999999999999',
    '-0',
    'NaN',
    'Infinity',
    '0x10',
    '1_000',
    ' 1 ',
    '1.0e-400',
  ],
  sql: [
    "' OR '1'='1",
    "'; DROP TABLE accounts; --",
    '1) UNION SELECT password FROM accounts--',
    "\\'; SELECT pg_sleep(0)--",
    '%27%20OR%201=1',
  ],
  html: [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '{{constructor.constructor("return 1")()}}',
    // A template-injection probe: the text `${7*7}`, which a server-side template would evaluate.
    `\${7*7}`,
  ],
  headerInjection: [
    `a\r\n${INJECTED_HEADER}: 1`,
    `a%0d%0a${INJECTED_HEADER}:%201`,
    `a\n${INJECTED_HEADER}: 1`,
    `a\u010d\u010a${INJECTED_HEADER}: 1`,
  ],
  traversal: [
    '../../../../etc/passwd',
    '..%2f..%2f..%2fetc%2fpasswd',
    '%2e%2e%2f%2e%2e%2f',
    '..\\..\\windows\\win.ini',
    '%252e%252e%252f',
    '/etc/passwd',
    'a/../../b',
  ],
  prototype: ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'],
} as const;

export type HostileKind = keyof typeof HOSTILE_STRINGS;

export const hostileString: fc.Arbitrary<{ kind: HostileKind; value: string }> = fc.oneof(
  ...(Object.keys(HOSTILE_STRINGS) as HostileKind[]).map((kind) =>
    fc.constantFrom(...HOSTILE_STRINGS[kind]).map((value) => ({ kind, value })),
  ),
);

/**
 * Path segments as a hostile client writes them in the URL itself (percent-encoding is theirs, not
 * ours): traversal up and out of the route, encoded slashes and dots, double encoding, NUL and invalid
 * UTF-8, over-long ids.
 */
export const RAW_PATH_SEGMENTS = [
  '..',
  '../..',
  '..%2f..%2f',
  '%2e%2e',
  '%2e%2e%2f%2e%2e%2fadmin',
  '%252e%252e%252f',
  'a%2fb',
  '%5c..%5c',
  '.',
  '%00',
  'x%00.png',
  '%ED%A0%80',
  '%C0%AE%C0%AE',
  '%ff%fe',
  '%',
  '%zz',
  'a'.repeat(5000),
  '-1',
  '0',
  '99999999999999999999999',
  '1e309',
  'NaN',
  '%20',
  '%0d%0ax-fuzz-injected:%201',
  '%3Cscript%3E',
  "'%20OR%201=1--",
];

/** Values of another JSON type, for a field whose schema says otherwise. */
export const WRONG_TYPES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -0,
  2 ** 53 + 1,
  '',
  'fuzz',
  [],
  [1, 'a', null],
  {},
  { $gt: '' },
  JSON.parse('{"__proto__":{"admin":true}}'),
  'x'.repeat(70_000),
];
