import { describe, expect, it } from 'vitest';
import { slots } from '../src/domain/images/slots.js';

/** A piece of work that runs until the test lets it finish; `started` tells whether it was let in. */
function piece(withSlot: ReturnType<typeof slots>, weight: number) {
  let finish = () => {};
  const state = { started: false, done: Promise.resolve(), finish: () => finish() };
  state.done = withSlot(
    () =>
      new Promise<void>((resolve) => {
        state.started = true;
        finish = resolve;
      }),
    weight,
  );
  return state;
}
/** Lets every already-settled continuation run (no timer involved). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('upload room weighed in bytes', () => {
  it('lets pieces in together while their weights fit, and the next in as soon as there is room', async () => {
    const room = slots(10);
    const a = piece(room, 4);
    const b = piece(room, 4);
    const c = piece(room, 4);
    await settle();
    expect([a.started, b.started, c.started]).toEqual([true, true, false]);
    expect(room.pending()).toBe(3);
    a.finish();
    await a.done;
    await settle();
    expect(c.started).toBe(true);
    b.finish();
    c.finish();
    await Promise.all([b.done, c.done]);
    expect(room.pending()).toBe(0);
  });

  it('serves first come first served: a light piece does not overtake a heavy one waiting', async () => {
    const room = slots(10);
    const a = piece(room, 6);
    const heavy = piece(room, 8);
    const light = piece(room, 2);
    await settle();
    expect([a.started, heavy.started, light.started]).toEqual([true, false, false]);
    a.finish();
    await settle();
    expect([heavy.started, light.started]).toEqual([true, true]);
    heavy.finish();
    light.finish();
    await Promise.all([heavy.done, light.done]);
  });

  it('runs a piece heavier than the whole room alone, and gives the room back when work fails', async () => {
    const room = slots(10);
    const huge = piece(room, 25);
    const after = piece(room, 1);
    await settle();
    expect([huge.started, after.started]).toEqual([true, false]);
    huge.finish();
    await settle();
    expect(after.started).toBe(true);
    after.finish();
    await expect(room(() => Promise.reject(new Error('broken upload')), 10)).rejects.toThrow('broken upload');
    const next = piece(room, 10);
    await settle();
    expect(next.started).toBe(true);
    next.finish();
    await next.done;
    expect(room.pending()).toBe(0);
  });
});
