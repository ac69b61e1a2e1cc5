/** A stand-in with no features: see README.md. */
export function activate(): void {}
