/** Seeded fault injection: which fault (if any) hits the next request. */
export const FAULT_KINDS = ['latency', '503', 'throttle', 'reset', 'ambiguous'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultConfig {
  /** Probability 0..1 that a request gets a fault; 0 turns faults off. */
  rate: number;
  kinds: FaultKind[];
  seed?: number;
  /** Extra delay for `latency` faults (default 200 ms). */
  latencyMs?: number;
}

/** mulberry32: small, fast and reproducible for a given seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private config: FaultConfig = { rate: 0, kinds: [] };
  private random: () => number = mulberry32(1);

  configure(config: FaultConfig): void {
    this.config = config;
    this.random = mulberry32(config.seed ?? 1);
  }

  get current(): FaultConfig {
    return this.config;
  }

  /** Draws the fault for one request. `ambiguous` only applies to writes (reads get a reset). */
  next(isWrite: boolean): FaultKind | undefined {
    if (this.config.rate <= 0 || this.config.kinds.length === 0) return undefined;
    const hit = this.random() < this.config.rate;
    const pick = this.config.kinds[Math.floor(this.random() * this.config.kinds.length)];
    if (!hit || pick === undefined) return undefined;
    return pick === 'ambiguous' && !isWrite ? 'reset' : pick;
  }
}

/** Parses `--faults` / control API input: JSON, or `rate=0.2,kinds=503+reset,seed=1`. */
export function parseFaultSpec(spec: string): FaultConfig {
  const text = spec.trim();
  const raw: unknown = text.startsWith('{') ? JSON.parse(text) : fromPairs(text);
  return validateFaultConfig(raw);
}

function fromPairs(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of text.split(',')) {
    const [k, v] = part.split('=');
    if (!k || v === undefined) throw new Error(`fault spec part "${part}" is not key=value`);
    const key = k.trim();
    if (key === 'kinds') out.kinds = v.split('+').map((s) => s.trim());
    else out[key] = Number(v);
  }
  return out;
}

export function validateFaultConfig(raw: unknown): FaultConfig {
  if (typeof raw !== 'object' || raw === null) throw new Error('fault config must be an object');
  const o = raw as Record<string, unknown>;
  const rate = o.rate;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))
    throw new Error('fault "rate" must be a number from 0 to 1');
  const kinds = o.kinds ?? (rate === 0 ? [] : [...FAULT_KINDS]);
  if (!Array.isArray(kinds)) throw new Error('fault "kinds" must be an array');
  for (const k of kinds) {
    if (!(FAULT_KINDS as readonly unknown[]).includes(k)) {
      throw new Error(`unknown fault kind ${JSON.stringify(k)}; expected one of ${FAULT_KINDS.join(', ')}`);
    }
  }
  const seed = o.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isInteger(seed)) throw new Error('fault "seed" must be an integer');
  const config: FaultConfig = { rate, kinds: kinds as FaultKind[], seed };
  if (o.latencyMs !== undefined) {
    if (typeof o.latencyMs !== 'number' || o.latencyMs < 0)
      throw new Error('fault "latencyMs" must be a non-negative number');
    config.latencyMs = o.latencyMs;
  }
  return config;
}
