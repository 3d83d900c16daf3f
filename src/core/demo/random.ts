/** The demo data's random numbers: deterministic for a seed, so two runs give the same database. */

/** mulberry32: small, fast and good enough for demo data; the same seed gives the same data. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  /** Log-normal around `median`: sizes and money are skewed, a few large ones and many small. */
  const skewed = (median: number, spread: number): number => {
    const gaussian = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return median * Math.exp(spread * gaussian);
  };
  return { next, int, pick, skewed, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof randomSource>;
