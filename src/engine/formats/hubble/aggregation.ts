/**
 * Monitor aggregation (MONITOR_AGGREGATION, bpf/lib/trace.h emit_trace_notify;
 * conntrack.h __ct_update_timeout): which trace notifications the datapath
 * actually sends, hence what Hubble can show.
 * - none: every observation point.
 * - low and up: no from-* events (TRACE_AGGREGATE_RX).
 * - medium and up (the lab's default): a to-* event only when the conntrack
 *   lookup before it asked for a report: the first packet of each direction
 *   on that node (the entry's last report time in that direction is still 0),
 *   a packet bringing TCP flags that direction has not seen yet, among the
 *   flags CT_REPORT_FLAGS reports (monitor-aggregation-flags: the agent's
 *   syn,fin,rst, Helm's "all"), or any FIN or RST (ACTION_CLOSE always
 *   reports). The every-5-seconds report never comes into a short
 *   conversation.
 */
import type { MonitorAggregation } from '../../../scenario/model.ts';
import type { HopEvent, Packet } from '../../trace.ts';

const LEVEL: Record<MonitorAggregation, number> = { none: 0, low: 2, medium: 3, maximum: 4 };
const TRACE_AGGREGATE_RX = 1;
const TRACE_AGGREGATE_ACTIVE_CT = 3;

const FLAG_BITS: Record<string, number> = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 };
/** The packet's TCP flags that CT_REPORT_FLAGS (`mask`) lets count as news. */
const flagsOf = (p: Packet, mask: number) =>
  Object.entries(p.tcpFlags ?? {}).filter(([f, on]) => on && (FLAG_BITS[f] ?? 0) & mask).map(([f]) => f);

/** seq numbers of the events whose observation point would be reported. */
export function monitorReports(events: readonly HopEvent[], aggregation: MonitorAggregation, reportFlags = 0xff): Set<number> {
  const level = LEVEL[aggregation];
  const seen = new Map<string, Set<string>>();
  const decided = new Map<string, boolean>();
  const out = new Set<number>();
  for (const e of events) {
    const p = e.packet;
    if (!e.observation || !p || p.proto === 'ARP') continue;
    if (level >= TRACE_AGGREGATE_RX && e.observation.startsWith('from-')) continue;
    if (level < TRACE_AGGREGATE_ACTIVE_CT) {
      out.add(e.seq);
      continue;
    }
    // One conntrack lookup per packet per node decides for all its trace points there.
    const hop = `${e.node}|${p.id}`;
    let report = decided.get(hop);
    if (report === undefined) {
      const dir = `${e.node}|${p.direction}`;
      const flags = flagsOf(p, reportFlags);
      const acc = seen.get(dir);
      report = !acc || flags.some((f) => !acc.has(f) || f === 'FIN' || f === 'RST');
      seen.set(dir, new Set([...(acc ?? []), ...flags]));
      decided.set(hop, report);
    }
    if (report) out.add(e.seq);
  }
  return out;
}
