/**
 * `hubble observe` compact lines (hubble/pkg/printer/printer.go,
 * CompactOutput): `TIME[ [NODE]]: SRC (ID) ARROW DST (ID) TYPE VERDICT (SUMMARY)`.
 * A reply flips the arrow to `<-` and swaps the ends, so the client stays on
 * the left; a flow whose direction is unknown (drops, socket events) gets `<>`.
 */
import type { HubbleEndpoint, HubbleFlow } from './flow.ts';
import { stampMilli } from './time.ts';

/** pkg/identity reservedIdentityNames: printed by name instead of `ID:n`. */
const RESERVED_IDENTITY_NAMES: Record<number, string> = {
  0: 'unknown', 1: 'host', 2: 'world', 3: 'unmanaged', 4: 'health', 5: 'init', 6: 'remote-node',
  7: 'kube-apiserver', 8: 'ingress', 9: 'world-ipv4', 10: 'world-ipv6',
};

export const identityText = (id: number) => `(${RESERVED_IDENTITY_NAMES[id] ?? `ID:${id}`})`;

/** Printer.Hostname: `ns/pod`, else `ns/service`, else the IP; `:port` unless the port is 0 or absent. */
export function hostText(e: HubbleEndpoint): string {
  const host = e.podName ? `${e.namespace}/${e.podName}` : e.service ?? e.ip;
  return e.port ? `${host}:${e.port}` : host;
}

/** GetFlowType: observation point, drop reason, or socket translation point. */
export function flowType(f: HubbleFlow): string {
  if (f.eventType === 'drop') return f.drop?.reason ?? 'UNKNOWN';
  if (f.eventType === 'policy-verdict') return `policy-verdict:${f.policy?.match ?? 'none'} ${f.policy?.direction ?? ''}`;
  if (f.eventType === 'trace-sock') return f.sockXlate ?? 'UNKNOWN';
  return f.observation ?? 'UNKNOWN';
}

export interface CompactOptions {
  /** `--print-node-name`: ` [node]` after the time. */
  printNodeName?: boolean;
}

export function compactLine(f: HubbleFlow, opts: CompactOptions = {}): string {
  let src = hostText(f.source);
  let dst = hostText(f.destination);
  let srcId = identityText(f.source.identity);
  let dstId = identityText(f.destination.identity);
  let arrow = '->';
  if (f.isReply === undefined) arrow = '<>';
  else if (f.isReply) {
    [src, dst, srcId, dstId] = [dst, src, dstId, srcId];
    arrow = '<-';
  }
  const node = opts.printNodeName ? ` [${f.nodeName}]` : '';
  // A policy verdict prints its decision (ALLOWED/DENIED) where a trace prints FORWARDED/DROPPED.
  const verdict = f.policy ? (f.policy.allowed ? 'ALLOWED' : 'DENIED') : f.verdict;
  return `${stampMilli(f.timeUs)}${node}: ${src} ${srcId} ${arrow} ${dst} ${dstId} ${flowType(f)} ${verdict} (${f.summary})`;
}
