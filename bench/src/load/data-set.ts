/** What the mix draws its requests from: the seeded clubs, accounts and events of one platform. */
export interface SignedIn {
  access: string;
  /** The address this user's requests come from (X-Forwarded-For; the gateway trusts loopback). */
  ip: string;
}

export interface Officer extends SignedIn {
  /** The link name of the officer's club. */
  link: string;
}

export interface DataSet {
  /** Every club's link name (the generated ones and the officers'). */
  clubs: string[];
  tags: number[];
  /** Words the clubs are made of: searches. */
  words: string[];
  officers: Officer[];
  students: SignedIn[];
  /** The officers' events, which students RSVP to. */
  events: { link: string; id: string }[];
}
