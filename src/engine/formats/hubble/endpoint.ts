/**
 * The two ends of a Hubble flow as the parser resolves them
 * (pkg/hubble/parser/common/endpoint.go): pod metadata by IP, the datapath's
 * identity when it gave one (else the endpoint's, else the ipcache's), the
 * identity's labels, and a service name for a frontend address. And the
 * flow's Summary (pkg/hubble/parser/threefour: gopacket layer names).
 */
import type { Ipv4 } from '../../../scenario/values.ts';
import type { Datapath } from '../../derive/types.ts';
import type { Packet } from '../../trace.ts';

/** An end of a Hubble flow (flow.proto Endpoint); the flow request's resolved ends are trace.ts FlowEndpoint. */
export interface HubbleEndpoint {
  ip: string;
  port?: number;
  identity: number;
  labels: string[];
  namespace?: string;
  podName?: string;
  /** `namespace/name` of a service whose frontend this address is. */
  service?: string;
}

const ICMP_TYPES: Record<number, string> = { 0: 'EchoReply', 3: 'DestinationUnreachable', 8: 'EchoRequest', 11: 'TimeExceeded' };
const TCP_FLAG_ORDER = ['SYN', 'ACK', 'RST', 'FIN', 'PSH'] as const;

/** Summary: `ICMPv4 EchoRequest`, `TCP Flags: SYN, ACK` (flags in gopacket's order), `UDP`. */
export function summaryOf(p: Packet): string {
  switch (p.proto) {
    case 'ICMP':
      return `ICMPv4 ${ICMP_TYPES[p.icmpType ?? 8] ?? `${p.icmpType}(0)`}`;
    case 'TCP':
      return `TCP Flags: ${TCP_FLAG_ORDER.filter((f) => p.tcpFlags?.[f]).join(', ')}`;
    case 'UDP':
      return 'UDP';
    case 'ARP':
      return 'ARP';
  }
}

/** The endpoint Hubble would resolve for `ip` on `node`: pod metadata, identity (ipcache) and labels. */
export function resolveEndpoint(dp: Datapath, node: string, ip: Ipv4, port?: number, identity?: number): HubbleEndpoint {
  const ep = dp.endpointByIp.get(ip);
  const id = identity ?? ep?.identity ?? dp.ipcacheLookup(node, ip)?.value.identity ?? 2;
  const out: HubbleEndpoint = { ip, identity: id, labels: [...(dp.identities.get(id)?.labels ?? [])] };
  if (port !== undefined) out.port = port;
  if (ep && !ep.isHealth) {
    out.namespace = ep.namespace;
    out.podName = ep.name;
  } else if (port !== undefined) {
    const f = dp.lookupFrontend(node, ip, port);
    // Hubble names Kubernetes Services from its service cache; a HostPort is not one.
    if (f && f.type !== 'HostPort') out.service = f.service;
  }
  return out;
}
