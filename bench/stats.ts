/** Small statistics for the benchmark: nearest-rank percentiles and medians. */

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function ms(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return '–';
  const d = digits ?? (value < 10 ? 1 : 0);
  return value.toFixed(d);
}

export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–';
  const r = a / b;
  return `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`;
}

export function mib(bytes: number | undefined): string {
  return bytes === undefined || !Number.isFinite(bytes) ? '–' : `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}
