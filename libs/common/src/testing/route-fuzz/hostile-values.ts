export const NUL = 'fuzz\u0000nul';
export const LONE_SURROGATE = 'fuzz\ud800x';
export const BAD_OFFSETS = [
  '2030-01-15T10:00:00+24:00',
  '2030-01-15T10:00:00+99:99',
  '2030-01-15T10:00:00-23:59',
];
export const FUZZ_CONTENT_TYPES = [
  'APPLICATION/JSON',
  'application/json; charset=utf-8',
  'application/vnd.x+json',
  'text/plain',
  null,
  'multipart/form-data; boundary=fuzz',
];
export const DATE_FIELD = /(^|_)(start|end|date|deadline|time|at)$/;
