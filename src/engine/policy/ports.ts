/**
 * From a rule's ports to the protocol/port parts of policy map keys
 * (pkg/policy/l4.go, rule.go): no ports is one any-protocol key; ANY is TCP,
 * UDP and SCTP; port 0 wildcards the port; a range becomes power-of-two
 * aligned prefixes (the map is an LPM trie); a port name becomes the numbers
 * the pods give it.
 */
import type { ContainerPort, PolicyPort } from '../../scenario/model.ts';
import { PROTO } from './types.ts';

export interface PortProto {
  proto: number;
  port: number;
  portBits: number;
}

const ANY_PORT_PROTOS = [PROTO.TCP, PROTO.UDP, PROTO.SCTP];
const protoNumber = (p: string): number => PROTO[p as keyof typeof PROTO] ?? PROTO.ANY;

/** PortRangeToMaskedPorts: [start, end] as aligned blocks, each {first port, significant bits}. */
export function maskedPorts(start: number, end: number): { port: number; bits: number }[] {
  const out: { port: number; bits: number }[] = [];
  let port = start;
  while (port <= end) {
    let size = 1;
    // Grow the block while it stays aligned at `port` and inside the range.
    while (size < 65536 && port % (size * 2) === 0 && port + size * 2 - 1 <= end) size *= 2;
    out.push({ port, bits: 16 - Math.log2(size) });
    port += size;
  }
  return out;
}

/**
 * The key parts of a rule's ports. `named` gives the container ports a name
 * stands for: the endpoint's own on ingress, any pod's on egress.
 */
export function portProtos(ports: readonly PolicyPort[], named: (name: string) => readonly ContainerPort[]): PortProto[] {
  if (ports.length === 0) return [{ proto: PROTO.ANY, port: 0, portBits: 0 }];
  const out: PortProto[] = [];
  for (const p of ports) {
    const protos = p.protocol === 'ANY' ? ANY_PORT_PROTOS : [protoNumber(p.protocol)];
    if (p.name !== undefined) {
      for (const c of named(p.name)) {
        const proto = protoNumber(c.protocol);
        if (protos.includes(proto)) out.push({ proto, port: c.containerPort, portBits: 16 });
      }
      continue;
    }
    for (const proto of protos) {
      if (p.port === 0 && proto !== PROTO.ICMP) out.push({ proto, port: 0, portBits: 0 });
      else if (p.endPort !== undefined) {
        for (const m of maskedPorts(p.port, p.endPort)) out.push({ proto, port: m.port, portBits: m.bits });
      } else out.push({ proto, port: p.port, portBits: 16 });
    }
  }
  return out;
}
