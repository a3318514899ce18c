export interface JsonRequest {
  method?: string;
  /** A value is sent as JSON, a string as it is (or as a JSON string, see `stringsAs`), FormData as multipart. */
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  /** Parsed when the answer is JSON, else the text. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read fields of the answer freely.
  body: any;
}

export interface ClientOptions {
  /** `json`: a string body is sent JSON-encoded, as a web client's `JSON.stringify` would. Default `raw`. */
  stringsAs?: 'raw' | 'json';
}
