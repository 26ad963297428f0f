/**
 * The agent's conntrack lifetimes (bpf-ct-timeout-*), as Cilium 1.16 declares
 * them (daemon/cmd/daemon_main.go: flags.Duration with these defaults) and
 * writes them into the datapath (pkg/datapath/linux/config: CT_CONNECTION_LIFETIME_TCP
 * and friends, in seconds). Values are Go durations (`8000s`, `2h13m20s`).
 */
import type { CtTimeouts } from './model.ts';

export const CT_TIMEOUT_KEYS = [
  'bpf-ct-timeout-regular-tcp',
  'bpf-ct-timeout-regular-tcp-syn',
  'bpf-ct-timeout-regular-tcp-fin',
  'bpf-ct-timeout-regular-any',
  'bpf-ct-timeout-service-tcp',
  'bpf-ct-timeout-service-any',
] as const;

type CtKey = (typeof CT_TIMEOUT_KEYS)[number];

const FIELDS: Record<CtKey, [keyof CtTimeouts, number]> = {
  'bpf-ct-timeout-regular-tcp': ['regularTcp', 8000],
  'bpf-ct-timeout-regular-tcp-syn': ['regularTcpSyn', 60],
  'bpf-ct-timeout-regular-tcp-fin': ['regularTcpFin', 10],
  'bpf-ct-timeout-regular-any': ['regularAny', 60],
  'bpf-ct-timeout-service-tcp': ['serviceTcp', 8000],
  'bpf-ct-timeout-service-any': ['serviceAny', 60],
};

export const DEFAULT_CT_TIMEOUTS: CtTimeouts = Object.fromEntries(
  Object.values(FIELDS).map(([field, seconds]) => [field, seconds]),
) as unknown as CtTimeouts;

const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6, 'µs': 1e-6, ns: 1e-9 };

/** Go's time.ParseDuration for non-negative values, in whole seconds (the datapath keeps seconds). */
export function goDurationSeconds(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/gy;
  let total = 0;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? ''] ?? 0);
    at = re.lastIndex;
  }
  return at === text.length && at > 0 ? Math.floor(total) : undefined;
}

/** Reads each key (its default when absent); a value that is not a duration is reported and defaulted. */
export function readCtTimeouts(
  value: (key: CtKey) => string | undefined, bad: (key: CtKey, text: string) => void,
): CtTimeouts {
  const out = { ...DEFAULT_CT_TIMEOUTS };
  for (const key of CT_TIMEOUT_KEYS) {
    const [field] = FIELDS[key];
    const v = value(key);
    if (v === undefined) continue;
    const seconds = goDurationSeconds(v);
    if (seconds === undefined || seconds <= 0) bad(key, `"${v}" is not a positive duration (e.g. 8000s, 2h13m20s, 60s)`);
    else out[field] = seconds;
  }
  return out;
}
