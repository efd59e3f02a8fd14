/** One benchmark figure, printed beside a baseline measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: 'ms' | 'ops/s' | 'changes/s' | 'x' | 'count';
  baseline?: { name: string; value: number };
  /** value / baseline.value, filled in by the runner when a baseline is given. */
  ratio?: number;
  /** The target, in words (e.g. "≤ 20 ms", "≤ 1.3×"). */
  target?: string;
  /** Whether the target was met, when it can be judged. */
  met?: boolean;
}

export interface BenchModule {
  run(): Promise<BenchResult[]>;
}
