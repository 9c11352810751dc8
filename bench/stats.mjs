// Order statistics for the benchmark: medians and percentiles by linear interpolation
// between closest ranks (the common "type 7" definition, as numpy's default).

export function quantile(values, q) {
  const xs = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);

export function summarize(values) {
  const xs = values.filter((x) => Number.isFinite(x));
  return {
    n: xs.length,
    median: quantile(xs, 0.5),
    p90: quantile(xs, 0.9),
    p95: quantile(xs, 0.95),
    max: xs.length ? Math.max(...xs) : null,
    sum: xs.reduce((s, x) => s + x, 0),
  };
}
