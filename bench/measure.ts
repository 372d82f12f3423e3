import { performance } from 'node:perf_hooks';

/** Wall time, CPU time of this process, and its peak resident memory so far. */
export interface Measured<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
}

export async function measure<T>(fn: () => Promise<T> | T): Promise<Measured<T>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * Peak RSS of this process since it started. Every scenario runs in its own process, so this
 * is the scenario's own peak, not the benchmark's.
 */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
