import * as os from 'node:os';

/** Wall-clock and CPU time of one call. CPU time is the whole process's (all threads), user + system. */
export interface Timed<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

/** Runs `f` once and times it. */
export function timed<T>(f: () => T): Timed<T> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = f();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return { value, wallMs, cpuMs: cpuMs(process.cpuUsage(c0)) };
}

/** Awaits `f` once and times it. */
export async function timedAsync<T>(f: () => Promise<T>): Promise<Timed<T>> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await f();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return { value, wallMs, cpuMs: cpuMs(process.cpuUsage(c0)) };
}

/** Milliseconds since `t0` (from process.hrtime.bigint()). */
export function since(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Median of numbers (NaN for none). */
export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The 1-minute load average and the cores, to judge whether wall-clock figures are disturbed. */
export function machineLoad(): { load: number; cores: number } {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return { load: os.loadavg()[0], cores };
}
