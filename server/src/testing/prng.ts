/**
 * A small seeded PRNG (mulberry32) for generated test and benchmark inputs: the same seed gives the same files
 * on every machine, so a failing fuzz case or a benchmark file can be made again from its seed.
 */
export type Rng = () => number;

export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
