import helmet from 'helmet';

/** The headers helmet sets (every service's configuration, createHttpApp) as name/value pairs. */
export function helmetHeaders(): string[] {
  const headers = new Map<string, string>();
  const res = {
    setHeader(name: string, value: string) {
      headers.set(name.toLowerCase(), value);
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  helmet()({} as never, res as never, () => {});
  return [...headers].flat();
}
