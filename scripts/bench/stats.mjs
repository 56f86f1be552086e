// Summaries of repeated measurements for the benchmark scripts, so every figure in
// BENCHMARKS.md is summarised the same way: the median run, and the spread around it.

/** The middle value (the upper middle for an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** "median 412 ms (min 380, max 530)", in whole milliseconds. */
export const medianWithSpread = (ms) =>
  `median ${median(ms).toFixed(0)} ms (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)})`;
