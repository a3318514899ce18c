import { describe, expect, it } from 'vitest';
import { ClubSpace } from '../src/domain/model/club-space.js';
import { evalCorpus, loadEvalSet } from '../src/domain/model/evaluation.js';
import { trainTextModel } from '../src/domain/model/text-model.js';

describe('a space sent back from a training worker', () => {
  it('answers as the space it was taken from, before and after an edit', async () => {
    const set = loadEvalSet();
    // Half the eval clubs keep it quick; a space of them still needs incomplete lists (> 24 clubs).
    const clubs = evalCorpus(set).filter((_, i) => i % 2 === 0);
    const text = await trainTextModel(clubs, 50);
    const params = { dims: 50, tagWeight: 0.3, penalty: 0.75 };
    const built = new ClubSpace(text, params);
    await built.build(clubs);
    const restored = await ClubSpace.restore(text, params, clubs, built.snapshot());

    const answers = (space: ClubSpace) => clubs.map((club) => space.neighbours(club.clubId, 20));
    expect(restored.size).toBe(clubs.length);
    expect(answers(restored)).toEqual(answers(built));
    expect(answers(restored).every((list) => list?.length === 20)).toBe(true);

    // An edit and a removal are applied the same way to both (the hubs came across too).
    const edited = { ...clubs[0]!, description: clubs[1]!.description, tags: clubs[1]!.tags };
    for (const space of [built, restored]) {
      space.upsert(edited);
      space.remove(clubs[2]!.clubId);
    }
    expect(answers(restored)).toEqual(answers(built));
    expect(restored.neighbours(clubs[2]!.clubId, 3)).toBeUndefined();
  }, 60_000);
});
