import type { StudentProfile } from '../data-access/student-profile-repository.js';
import type { Recommender } from './recommender.js';

export type Reason =
  | { kind: 'favorite'; club_id: string }
  | { kind: 'visited'; club_id: string }
  | { kind: 'interest'; tag: number }
  | { kind: 'major'; major: number }
  | { kind: 'popular' };

export interface StudentPick {
  clubId: string;
  score: number;
  reason: Reason;
}

export interface StudentSignals {
  profile: StudentProfile | undefined;
  /** Clubs the student opened, most recent first (catalog ids). */
  visited: string[];
  followers: Map<string, number>;
  followersWithMajor: Map<number, Map<string, number>>;
}

/** How much each signal weighs: a followed club says more than a visit, a visit more than an interest. */
const WEIGHT = { favorite: 1.5, visited: 1, interest: 0.4, major: 0.3, popular: 0.1 };
/** Neighbours looked at per followed or visited club. */
const PER_CLUB = 20;
const MOST_SIGNALS = 20;

/**
 * Clubs for a student, each with the one reason that weighed most: near the clubs they follow or
 * visited (in the model's space), tagged with their interests, followed by students of their majors,
 * and popular (followers) as the floor, so a student with no history gets the campus's most followed
 * clubs. Clubs they already follow are left out. Ties by link name: the same inputs, the same answer.
 */
export function rankForStudent(recommender: Recommender, signals: StudentSignals, k: number): StudentPick[] {
  const visible = recommender.visibleClubs();
  const favorites = (signals.profile?.favoriteClubIds ?? []).filter((id) => visible.has(id));
  const followed = new Set(favorites);
  const scores = new Map<string, { score: number; reason: Reason; best: number }>();
  const add = (clubId: string, amount: number, reason: Reason) => {
    if (followed.has(clubId) || !visible.has(clubId) || amount <= 0) return;
    const entry = scores.get(clubId) ?? { score: 0, reason, best: 0 };
    entry.score += amount;
    if (amount > entry.best) {
      entry.best = amount;
      entry.reason = reason;
    }
    scores.set(clubId, entry);
  };

  for (const clubId of favorites.slice(0, MOST_SIGNALS)) {
    for (const n of recommender.neighbourIds(clubId, PER_CLUB)) {
      add(n.clubId, WEIGHT.favorite * Math.max(n.score, 0.01), { kind: 'favorite', club_id: clubId });
    }
  }
  const visited = [...new Set(signals.visited)].filter((id) => visible.has(id) && !followed.has(id));
  for (const clubId of visited.slice(0, MOST_SIGNALS)) {
    for (const n of recommender.neighbourIds(clubId, PER_CLUB)) {
      add(n.clubId, WEIGHT.visited * Math.max(n.score, 0.01), { kind: 'visited', club_id: clubId });
    }
  }
  const interests = new Set(signals.profile?.interests ?? []);
  const mostFollowed = Math.max(1, ...signals.followers.values());
  for (const club of visible.values()) {
    const matching = club.tags.filter((tag) => interests.has(tag));
    if (matching.length > 0) {
      add(club.clubId, (WEIGHT.interest * matching.length) / interests.size, {
        kind: 'interest',
        tag: Math.min(...matching),
      });
    }
    add(club.clubId, (WEIGHT.popular * (signals.followers.get(club.clubId) ?? 0)) / mostFollowed, {
      kind: 'popular',
    });
  }
  for (const [major, counts] of signals.followersWithMajor) {
    const most = Math.max(1, ...counts.values());
    for (const [clubId, count] of counts)
      add(clubId, (WEIGHT.major * count) / most, { kind: 'major', major });
  }

  const ranked = [...scores].map(([clubId, entry]) => ({ clubId, score: entry.score, reason: entry.reason }));
  // Too few signals (a new student on a new campus): the other clubs make up the rest, by name.
  if (ranked.length < k) {
    for (const club of visible.values()) {
      if (!followed.has(club.clubId) && !scores.has(club.clubId)) {
        ranked.push({ clubId: club.clubId, score: 0, reason: { kind: 'popular' } });
      }
    }
  }
  const linkName = (id: string) => visible.get(id)!.linkName;
  return ranked
    .sort((a, b) => b.score - a.score || (linkName(a.clubId) < linkName(b.clubId) ? -1 : 1))
    .slice(0, k)
    .map((pick) => ({ ...pick, score: Math.round(pick.score * 1e4) / 1e4 }));
}
