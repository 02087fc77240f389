// Small, dependency-free timing helpers: warm up, then take the median of many runs.

export interface Measurement {
  readonly name: string;
  readonly medianMs: number;
  readonly runs: number;
}

export function measure(name: string, fn: () => unknown, { warmup = 20, runs = 200 } = {}): Measurement {
  for (let i = 0; i < warmup; i += 1) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)]!, runs };
}

export function formatRow(m: Measurement, baseline?: Measurement, target?: string): string {
  const ratio = baseline ? `  ${(m.medianMs / baseline.medianMs).toFixed(1)}× ${baseline.name}` : '';
  return `  ${m.name.padEnd(48)} ${m.medianMs.toFixed(3).padStart(9)} ms${ratio}${target ? `  (target ${target})` : ''}`;
}
