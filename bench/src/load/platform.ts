/** One platform under load: where its gateway answers and how to look inside it. */
export interface LoadPlatform {
  mode: 'stack' | 'embedded';
  /** The gateway's public base URL. */
  url: string;
  admin: { email: string; password: string };
  /** The processes whose memory and event-loop lag the soak samples, with their /metrics URLs. */
  processes: {
    name: string;
    metricsUrl: string;
    pid?: number;
    /** Resident memory in bytes when /proc tells it better than the process's own gauge. */
    rss?: () => number | undefined;
  }[];
  /** Every email sent so far: recipient, subject, text. */
  sentMail(): Promise<{ to: string; subject: string; text: string }[]>;
  /** Writes generated clubs straight into the catalog's table (and makes the catalog see them). */
  insertClubs(
    write: (query: (text: string, values?: unknown[]) => Promise<unknown>) => Promise<void>,
  ): Promise<void>;
  stop(): Promise<void>;
}

/** Settings both modes get for a load run. */
export const loadSettings = {
  LOG_LEVEL: 'warn',
  // Simulated users come from many addresses (X-Forwarded-For from loopback): per-IP rate limits then
  // apply per user, as behind a real load balancer, not to the one address of the load generator.
  TRUST_PROXY: 'loopback',
  // Tokens minted while seeding outlive the ramp and the soak (30 minutes by default: they would
  // expire in the middle of the soak, and real clients refresh theirs).
  ACCESS_TOKEN_TTL_S: String(6 * 3600),
  SEED_DEMO: '0',
};
