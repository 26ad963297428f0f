/**
 * Seeded generator (mulberry32): the engine's only source of "randomness"
 * (backend slot, ephemeral port, socket cookie), so the same seed always gives
 * the same trace. No clock, no Math.random.
 */
export interface Rng {
  /** Uniform integer in [0, 2^32). */
  u32(): number;
  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const u32 = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return { u32, int: (lo, hi) => lo + (u32() % (hi - lo + 1)) };
}
