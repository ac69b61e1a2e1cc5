/** The one seed of the fixed-seed fuzz samples in `npm test` (scripts/fuzz.ts draws fresh seeds and prints them). */
export const SEED = 20261128;
