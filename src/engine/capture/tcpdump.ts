/** What `tcpdump -n -i <iface>` prints for the packets a capture saw. */
import type { HopEvent, OuterHeader, Packet, Trace } from '../trace.ts';
import { httpFirstLine } from '../flow/http.ts';
import { capture } from './capture.ts';
import { captureIface, type CaptureTarget } from './target.ts';

function tcpFlags(p: Packet): string {
  const f = p.tcpFlags ?? {};
  const s = `${f.SYN ? 'S' : ''}${f.FIN ? 'F' : ''}${f.RST ? 'R' : ''}${f.PSH ? 'P' : ''}`;
  return `[${s}${f.ACK ? '.' : ''}]`;
}

export function tcpdumpLine(p: Packet): string {
  if (p.arp) {
    return p.arp.op === 'request'
      ? `ARP, Request who-has ${p.arp.targetIp} tell ${p.arp.senderIp}, length 28`
      : `ARP, Reply ${p.arp.senderIp} is-at ${p.srcMac ?? '?'}, length 28`;
  }
  const outer = p.outer ? `${outerLine(p.outer)}\n    ` : '';
  if (p.proto === 'ICMP') {
    const what = p.icmpType === 8 ? 'echo request' : p.icmpType === 0 ? 'echo reply' : `type ${p.icmpType ?? '?'}`;
    return `${outer}IP ${p.src} > ${p.dst}: ICMP ${what}, id ${p.icmpId ?? 0}, seq 1, length 64`;
  }
  const src = `${p.src}.${p.sport ?? 0}`;
  const dst = `${p.dst}.${p.dport ?? 0}`;
  if (p.proto === 'TCP') {
    const len = p.payload ? p.payload.length : 0;
    // tcpdump decodes port 80 as HTTP and prints the message's first line.
    const http = p.payload && (p.sport === 80 || p.dport === 80) ? `: HTTP: ${httpFirstLine(p.payload)}` : '';
    return `${outer}IP ${src} > ${dst}: Flags ${tcpFlags(p)}, length ${len}${http}`;
  }
  return `${outer}IP ${src} > ${dst}: UDP, length ${p.payload?.length ?? 0}`;
}

/**
 * The outer UDP packet of tunnel mode, as tcpdump decodes it. tcpdump picks
 * the decoder by port: Cilium's VXLAN port 8472 is IANA's OTV port, so VXLAN
 * prints as OTV there (tcpdump says VXLAN only for 4789); Geneve is 6081. The
 * source port is the kernel's hash of the inner flow (outerSourcePort).
 */
export function outerLine(o: OuterHeader): string {
  const head = `IP ${o.src}.${o.sport} > ${o.dst}.${o.dport}:`;
  switch (o.encap) {
    case 'geneve':
      return `${head} Geneve, Flags [none], vni 0x${o.vni.toString(16)}, proto TEB (0x6558)`;
    case 'vxlan':
      return `${head} OTV, flags [I] (0x08), overlay 0, instance ${o.vni}`;
    default: {
      const never: never = o.encap;
      throw new Error(`unknown encapsulation ${String(never)}`);
    }
  }
}

/** tcpdump's lines for the packets seen on `target` up to `step` (default: the whole trace). */
export function tcpdumpLines(events: readonly HopEvent[], target: CaptureTarget, step?: number): string[] {
  return capture(events, target, step).map((c) => tcpdumpLine(c.packet));
}

/** The whole capture as tcpdump prints it (the CLI's `--format tcpdump`): the command, then one line per packet. */
export function tcpdumpText(trace: Trace, target: CaptureTarget, step?: number): string {
  const lines = tcpdumpLines(trace.events, target, step);
  const where = target.kind === 'pod' ? `${target.pod} ` : `${target.node} `;
  return `${where}$ tcpdump -n -i ${captureIface(target)}\n${lines.length ? `${lines.join('\n')}\n` : ''}`;
}
