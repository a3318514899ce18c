import { describe, expect, it } from 'vitest';
import { parseWebLink } from '../src/entry-points/http/parse-web-link.js';

describe('links officers type', () => {
  it.each([
    ['https://calrobotics.org/join', 'https://calrobotics.org/join'],
    ['http://example.org', 'http://example.org'],
    ['  https://example.org/a?b=c#d  ', 'https://example.org/a?b=c#d'],
    ['instagram.com/calrobotics', 'https://instagram.com/calrobotics'],
    ['www.example.org', 'https://www.example.org'],
    ['example.org:8080/path', 'https://example.org:8080/path'],
    ['https://fb.me/e/abc123', 'https://fb.me/e/abc123'],
    ['https://例え.jp/クラブ', 'https://例え.jp/クラブ'],
  ])('keeps %s as %s', (input, expected) => {
    expect(parseWebLink(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(document.cookie)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'mailto:club@berkeley.edu',
    'ftp://example.org/file',
    'file:///etc/passwd',
    'https://user:secret@example.org',
    'https://example.org/<script>',
    'https://exa mple.org',
    'not a link',
    'localhost',
    '',
    `https://${'a'.repeat(2050)}.org`,
  ])('refuses %s', (input) => {
    expect(parseWebLink(input)).toBeUndefined();
  });
});
