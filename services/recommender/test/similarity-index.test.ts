import { describe, expect, it } from 'vitest';
import { SimilarityIndex } from '../src/domain/similarity-index.js';
import { contentWords } from '../src/domain/text-features.js';

const club = (linkName: string, tags: number[], description: string, name = linkName) => ({
  linkName,
  name,
  tags,
  description,
});

const CLUBS = [
  club('robotics', [5, 17], 'We design, build and program autonomous robots for competitions.'),
  club(
    'rover-team',
    [5, 17],
    'Our team builds a Mars rover: robots, autonomous navigation, and electronics.',
  ),
  club('drone-lab', [5, 17], 'Students build drones and fly them; we teach electronics and soldering.'),
  club('ballet', [10], 'Classical ballet classes and a spring performance on the main stage.'),
  club('hip-hop', [10], 'Hip hop dance crew: weekly practice, battles and a showcase performance.'),
  club('debate', [0, 11], 'Parliamentary debate tournaments and public speaking practice.'),
];

describe('similarity index', () => {
  it('ranks the clubs that share tags and words first, most similar first, never the club itself', () => {
    const index = new SimilarityIndex(CLUBS);
    const similar = index.similar('robotics', 2)!;
    expect(similar.map((s) => s.link_name)).toEqual(['rover-team', 'drone-lab']);
    expect(similar[0]!.score).toBeGreaterThan(similar[1]!.score);
  });

  it('narrows by shared tags while enough clubs remain, as upstream did, then widens', () => {
    const index = new SimilarityIndex(CLUBS);
    // Only one other club shares the dance tag: asking for three must widen to clubs sharing none.
    const similar = index.similar('ballet', 3)!.map((s) => s.link_name);
    expect(similar[0]).toBe('hip-hop');
    expect(similar).toHaveLength(3);
    expect(similar).not.toContain('ballet');
  });

  it('answers undefined for an unknown club, and copes with a corpus of one or none', () => {
    expect(new SimilarityIndex([]).similar('robotics', 3)).toBeUndefined();
    expect(new SimilarityIndex([CLUBS[0]!]).similar('robotics', 3)).toEqual([]);
    expect(new SimilarityIndex(CLUBS).similar('no-such-club', 3)).toBeUndefined();
  });

  it('handles empty descriptions and unicode words', () => {
    const index = new SimilarityIndex([
      club(
        'club-de-espanol',
        [3],
        'Conversación en español, cine y música latinoamericana.',
        'Club de Español',
      ),
      club('latin-music', [3, 10], 'Música latinoamericana: salsa, cumbia y conversación.'),
      club('empty', [3], ''),
    ]);
    expect(index.similar('club-de-espanol', 1)!.map((s) => s.link_name)).toEqual(['latin-music']);
    expect(index.similar('empty', 2)).toHaveLength(2);
  });
});

describe('content words', () => {
  it('keeps letters only, lower-cased, without stop words and campus boilerplate', () => {
    expect(contentWords('We are UC Berkeley’s 1st ROBOTICS club — join us!')).toEqual(['st', 'robotics']);
  });
});
