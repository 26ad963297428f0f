/**
 * The agent's conntrack lifetimes (bpf-ct-timeout-*), as Cilium 1.16 declares
 * them (daemon/cmd/daemon_main.go: flags.Duration with these defaults) and
 * writes them into the datapath (pkg/datapath/linux/config: CT_CONNECTION_LIFETIME_TCP
 * and friends, in seconds). Values are Go durations (`8000s`, `2h13m20s`).
 */
import type { CtTimeouts } from './model.ts';
import { say, type IssueText } from './issue-text.ts';

export const CT_TIMEOUT_KEYS = [
  'monitor-aggregation-flags',
  'monitor-aggregation-interval',
  'bpf-ct-timeout-regular-tcp',
  'bpf-ct-timeout-regular-tcp-syn',
  'bpf-ct-timeout-regular-tcp-fin',
  'bpf-ct-timeout-regular-any',
  'bpf-ct-timeout-service-tcp',
  'bpf-ct-timeout-service-any',
] as const;

type CtKey = (typeof CT_TIMEOUT_KEYS)[number];
type DurationKey = Exclude<CtKey, 'monitor-aggregation-flags'>;

const FIELDS: Record<DurationKey, [keyof CtTimeouts, number]> = {
  // CT_REPORT_INTERVAL: how long a side's flags stay reported before the next packet reports again.
  'monitor-aggregation-interval': ['reportInterval', 5],
  'bpf-ct-timeout-regular-tcp': ['regularTcp', 8000],
  'bpf-ct-timeout-regular-tcp-syn': ['regularTcpSyn', 60],
  'bpf-ct-timeout-regular-tcp-fin': ['regularTcpFin', 10],
  'bpf-ct-timeout-regular-any': ['regularAny', 60],
  'bpf-ct-timeout-service-tcp': ['serviceTcp', 8000],
  'bpf-ct-timeout-service-any': ['serviceAny', 60],
};

/**
 * CT_REPORT_FLAGS from monitor-aggregation-flags (pkg/option/config.go): the TCP flags whose first sight
 * is reported (and accumulated in Rx/TxFlagsSeen). The agent's default is syn,fin,rst; Helm sets all.
 */
const TCP_FLAG_BITS: Record<string, number> = { fin: 0x01, syn: 0x02, rst: 0x04, psh: 0x08, ack: 0x10, urg: 0x20, ece: 0x40, cwr: 0x80 };
const AGENT_REPORT_FLAGS = 0x01 | 0x02 | 0x04;

export const DEFAULT_CT_TIMEOUTS: CtTimeouts = {
  ...(Object.fromEntries(Object.values(FIELDS).map(([field, seconds]) => [field, seconds])) as unknown as CtTimeouts),
  reportFlags: AGENT_REPORT_FLAGS,
};

function reportFlags(text: string): number | undefined {
  let bits = 0;
  for (const word of text.toLowerCase().split(/[\s,]+/).filter(Boolean)) {
    if (word === 'all') return 0xff;
    const bit = TCP_FLAG_BITS[word];
    if (bit === undefined) return undefined;
    bits |= bit;
  }
  return bits;
}

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
  value: (key: CtKey) => string | undefined, bad: (key: CtKey, text: IssueText) => void,
): CtTimeouts {
  const out = { ...DEFAULT_CT_TIMEOUTS };
  const flags = value('monitor-aggregation-flags');
  if (flags !== undefined) {
    const bits = reportFlags(flags);
    if (bits === undefined) bad('monitor-aggregation-flags', say('scenario.config.not_flags', { value: flags }));
    else out.reportFlags = bits;
  }
  for (const key of Object.keys(FIELDS) as DurationKey[]) {
    const [field] = FIELDS[key];
    const v = value(key);
    if (v === undefined) continue;
    const seconds = goDurationSeconds(v);
    if (seconds === undefined || seconds <= 0) bad(key, say('scenario.config.not_duration', { value: v }));
    else out[field] = seconds;
  }
  return out;
}
