// The generated clubs of the catalog benchmarks (`npm run bench:catalog`, `npm run bench:load`): names,
// descriptions, tags and events made of a few hundred topic words, so that a search matches tens to
// hundreds of clubs, and their insertion straight into the catalog's table (as its own writes would have).

/** What both node-postgres and PGlite offer: a parameterised query. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

// Words clubs are made of; a few hundred, so that a search matches tens to hundreds of clubs.
export const TOPICS =
  `robotics rocketry astronomy chess debate poetry jazz ballet salsa hiphop acapella orchestra
  choir theatre improv film photography painting ceramics sculpture design architecture consulting
  investing finance entrepreneurship marketing blockchain cryptography security hacking web mobile
  machine learning data science statistics mathematics physics chemistry biology neuroscience medicine
  nursing public health nutrition cooking baking coffee tea wine gardening farming sustainability climate
  ocean marine wildlife hiking climbing cycling running swimming sailing rowing soccer basketball volleyball
  tennis badminton fencing archery martial arts yoga meditation mindfulness volunteering tutoring mentoring
  literacy refugees housing homelessness immigration law policy politics journalism radio podcast magazine
  comics anime gaming esports boardgames trivia history philosophy linguistics languages spanish french
  japanese korean mandarin vietnamese filipino armenian persian arabic hebrew hindi punjabi tamil swahili
  african caribbean latin asian pacific islander indigenous queer women first generation transfer veterans
  parents faith christian muslim jewish buddhist hindu sikh interfaith service leadership engineering
  aerospace mechanical electrical civil chemical bioengineering materials nuclear energy solar batteries
  electric vehicles drones rovers satellites telescopes stars planets music production dj songwriting
  guitar piano drums opera musicals dance kpop bhangra folk knitting sewing fashion makeup beauty
  animals dogs cats horses birds insects fungi plants trees forests rivers mountains deserts cities maps`
    .split(/\s+/)
    .filter(Boolean);
const KINDS = ['Club', 'Society', 'Association', 'Collective', 'Team', 'Union', 'Lab', 'Circle', 'Guild'];
const VERBS = [
  'explore',
  'practise',
  'teach',
  'build',
  'discuss',
  'celebrate',
  'study',
  'share',
  'compete in',
];

export function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  return { next, pick };
}

/** A club with a name, a few sentences of description, tags, and sometimes events, all from TOPICS. */
export function generateClub(i: number) {
  const { next, pick } = generator(i + 1);
  const topics = [pick(TOPICS), pick(TOPICS), pick(TOPICS)];
  const name = `${topics[0]![0]!.toUpperCase()}${topics[0]!.slice(1)} ${pick(KINDS)} ${i}`;
  // Sentence shapes vary as real descriptions do, so that no filler word is in every club.
  const shapes = [
    () =>
      `We ${pick(VERBS)} ${pick(topics)} and ${pick(TOPICS)} with ${pick(TOPICS)} enthusiasts every week.`,
    () => `Our members ${pick(VERBS)} ${pick(topics)} together, from beginners to ${pick(TOPICS)} veterans.`,
    () =>
      `Each semester brings a ${pick(topics)} project, a ${pick(TOPICS)} trip and a ${pick(TOPICS)} social.`,
    () => `Founded by ${pick(TOPICS)} fans, the group now ${pick(VERBS)}s ${pick(topics)} across campus.`,
    () => `Expect talks on ${pick(topics)}, hands-on ${pick(TOPICS)} sessions and plenty of ${pick(TOPICS)}.`,
    () => `Alumni working in ${pick(TOPICS)} and ${pick(topics)} mentor newer students.`,
  ];
  const sentences = Array.from({ length: 3 + Math.floor(next() * 4) }, () => pick(shapes)());
  const tags = [...new Set([Math.floor(next() * 20), Math.floor(next() * 20)])].slice(
    0,
    1 + Math.floor(next() * 2),
  );
  const events =
    next() < 0.4 ? `${pick(topics)} night ${pick(TOPICS)} workshop ${pick(TOPICS)} showcase` : '';
  return {
    name,
    linkName: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    about: sentences.join(' '),
    involved: pick([
      `Come to our ${pick(topics)} meetings; no experience needed.`,
      `Fill out the interest form and join a ${pick(topics)} session.`,
      `Drop by our table on Sproul or message us about ${pick(topics)}.`,
      `Applications open each fall; tell us why ${pick(topics)} excites you.`,
    ]),
    tags,
    numUsers: Math.floor(next() * 5),
    appRequired: next() < 0.3,
    newMembers: next() < 0.5,
    events,
  };
}

export type Club = ReturnType<typeof generateClub>;

export async function insertCatalogClubs(client: Queryable, batch: Club[], offset: number) {
  const values: unknown[] = [];
  const rows = batch.map((club, j) => {
    const i = offset + j;
    values.push(
      `bench-owner-${i}`,
      `owner${i}@berkeley.edu`,
      club.name,
      club.linkName,
      club.tags,
      club.appRequired,
      club.newMembers,
      club.numUsers,
      club.about,
      club.involved,
      club.events,
      new Date(Date.now() - i * 60_000),
    );
    const base = j * 12;
    return `(${Array.from({ length: 12 }, (_, k) => `$${base + k + 1}`).join(', ')}, true)`;
  });
  await client.query(
    `insert into catalog.clubs (owner_user_id, owner_email, name, link_name, tags, app_required, new_members,
       num_users, about_us, get_involved, events_text, last_updated, confirmed) values ${rows.join(', ')}`,
    values,
  );
}
