/** Command-line options of `npm run bench`. */
export const SCENARIOS = ['plan-large', 'terraform-refresh', 'apply-large', 'cpu'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface BenchOptions {
  quick: boolean;
  /** Also print the table as Markdown (for docs/performance.md). */
  markdown: boolean;
  /** Experiments: no rate limits on either side; apply concurrency. */
  rateLimits: boolean;
  concurrency?: number;
  only?: ScenarioName[];
  out: string;
}

/** The per-call latency the benchmark aims at; the emulator takes one fixed value, the mean. */
export const LATENCY_MS: [number, number] = [20, 50];

function isScenario(name: string): name is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(name);
}

function positive(text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--concurrency takes a whole number from 1, not ${text}`);
  return n;
}

export function parseArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    quick: false,
    rateLimits: true,
    markdown: false,
    out: 'bench/results.json',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--markdown') options.markdown = true;
    else if (arg === '--no-rate-limits') options.rateLimits = false;
    else if (arg === '--concurrency') options.concurrency = positive(argv[++i]);
    else if (arg === '--only') {
      const names = (argv[++i] ?? '').split(',').filter((s) => s !== '');
      const bad = names.filter((n) => !isScenario(n));
      if (bad.length > 0)
        throw new Error(`unknown scenario ${bad.join(', ')}; expected ${SCENARIOS.join(', ')}`);
      options.only = names as ScenarioName[];
    } else if (arg === '--out') options.out = argv[++i] ?? options.out;
    else
      throw new Error(
        `unknown option ${arg}; expected --quick, --markdown, --only NAME[,NAME], --out FILE, --no-rate-limits, --concurrency N`,
      );
  }
  // Quick runs and experiments never overwrite the committed results.
  const experiment = options.quick || !options.rateLimits || options.concurrency !== undefined;
  if (experiment && options.out === 'bench/results.json') options.out = 'bench/results.local.json';
  return options;
}
