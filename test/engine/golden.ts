/**
 * A reviewable rendering of a trace for the goldens (test/golden/**): per hop,
 * where it runs, the Cilium function it models, the packet as it leaves, the
 * verdict, identities, the sentence it says, and each map operation with the
 * value read or written. The flow and its resolved ends come first, the
 * outcome last.
 *
 *       6 policy k8s-s/lxce880e1eecb7a tc-ingress cil_from_container
 *           source  bpf/bpf_lxc.c: handle_ipv4_from_lxc (policy_can_egress4)
 *           packet  #1 request ICMP 172.16.0.79 > 172.16.1.235 echo-request id=35708 ttl=64 mac ... > ...
 *           verdict FORWARDED ct=new | identity 26332 > 10037 | policy egress allow match=all ...
 *           says    Egress policy for default/netpod allows identity 10037 ...
 *           r cilium_policy[cilium_policy_03053 Egress identity=10037 8/ICMP] (miss)  # no entry for identity 10037
 *           R cilium_policy[cilium_policy_03053 Egress identity=0 ANY] = Allow proxy-port=NONE ...  # ...
 *
 * `R` a lookup that hit, `r` one that missed, `W` an update, `D` a delete;
 * an op on another node's map is prefixed with that node.
 *
 * One small function per part, so a change to the event's shape (a typed
 * place, a message id in place of `text`) is a change to one function here.
 */
import { render } from '../../src/i18n/index.ts';
import type { FlowEndpoint, HopEvent, MapOp, Packet, SocketCall, Trace } from '../../src/engine/index.ts';

/** Where the hop runs: `node/iface(pod) hook program`. */
export function placeText(e: HopEvent): string {
  return `${e.node}/${e.iface}${e.pod ? `(${e.pod})` : ''} ${e.hook} ${e.program}`;
}

/** What the hop says, in English. */
export function sayText(e: HopEvent): string {
  return render('en', e.explain);
}

const FLAG_LETTERS = { SYN: 'S', ACK: '.', PSH: 'P', FIN: 'F', RST: 'R' } as const;

/** The packet as it is after the hop: addresses, ports, flags, MACs, outer header. */
export function packetText(p: Packet): string {
  const port = (n?: number) => (n === undefined ? '' : `:${n}`);
  const parts = [`#${p.id} ${p.direction}`, `${p.proto} ${p.src}${port(p.sport)} > ${p.dst}${port(p.dport)}`];
  if (p.arp) parts.push(p.arp.op === 'request' ? `who-has ${p.arp.targetIp} tell ${p.arp.senderIp}` : `${p.arp.senderIp} is-at ${p.srcMac ?? '?'}`);
  if (p.icmpType !== undefined) parts.push(`${p.icmpType === 8 ? 'echo-request' : p.icmpType === 0 ? 'echo-reply' : `type=${p.icmpType}`}${p.icmpId === undefined ? '' : ` id=${p.icmpId}`}`);
  if (p.tcpFlags) {
    const on = (Object.keys(FLAG_LETTERS) as (keyof typeof FLAG_LETTERS)[]).filter((f) => p.tcpFlags?.[f]);
    parts.push(`[${on.map((f) => FLAG_LETTERS[f]).join('')}]`);
  }
  // The payload's first line and its size (the HTTP request/response are whole messages).
  if (p.payload) parts.push(`${JSON.stringify(p.payload.split('\r\n')[0])} (${p.payload.length} bytes)`);
  if (p.ttl !== undefined) parts.push(`ttl=${p.ttl}`);
  if (p.srcMac || p.dstMac) parts.push(`mac ${p.srcMac ?? '?'} > ${p.dstMac ?? '?'}`);
  const o = p.outer;
  if (o) parts.push(`outer ${o.proto} ${o.src}:${o.sport} > ${o.dst}:${o.dport} vni=${o.vni}${o.srcMac || o.dstMac ? ` mac ${o.srcMac ?? '?'} > ${o.dstMac ?? '?'}` : ''}`);
  return parts.join(' ');
}

/** Verdict, observation point, conntrack state, drop code, identities, policy decision, where a wire leads. */
export function verdictText(e: HopEvent): string {
  const head = [e.verdict, e.observation, e.sockXlate, e.ctState && `ct=${e.ctState}`, e.drop && `drop=${e.drop.code} (${e.drop.reason})`]
    .filter(Boolean)
    .join(' ');
  const ids =
    e.srcIdentity !== undefined || e.dstIdentity !== undefined || e.dstEndpoint !== undefined
      ? `identity ${e.srcIdentity ?? '?'} > ${e.dstIdentity ?? '?'}${e.dstEndpoint === undefined ? '' : ` endpoint=${e.dstEndpoint}`}`
      : '';
  const v = e.policyVerdict;
  const policy = v
    ? `policy ${v.direction} ${v.allowed ? 'allow' : v.deny ? 'deny' : 'no-allow'} match=${v.match} enforced=${v.enforced} remote=${v.remoteIdentity}${v.policy ? ` by ${v.policy}` : ''}: ${v.rule}`
    : '';
  const peer = e.peer ? `to ${e.peer.node}/${e.peer.iface}` : '';
  return [head || '-', ids, policy, peer].filter(Boolean).join(' | ');
}

/** `R` a lookup that hit, `r` one that missed, `W` an update, `D` a delete; then the value and why. */
export function opText(m: MapOp): string {
  const letter = m.op === 'lookup' ? (m.hit ? 'R' : 'r') : m.op === 'update' ? 'W' : 'D';
  const value = m.value !== undefined ? ` = ${m.value.trimEnd()}` : m.op === 'lookup' && !m.hit ? ' (miss)' : '';
  return `${letter} ${m.map}[${m.key}]${value}${m.note ? `  # ${m.note}` : ''}`;
}

/** A socket hop's call: no packet exists there, only the socket's addresses. */
export function socketText(c: SocketCall | undefined): string {
  if (!c) return '-';
  const at = (a: { ip: string; port: number }) => `${a.ip}:${a.port}`;
  const peer = at(c.peerBefore) === at(c.peerAfter) ? at(c.peerBefore) : `${at(c.peerBefore)} => ${at(c.peerAfter)}`;
  return `#${c.packetId} ${c.direction} ${c.call}() ${c.proto} local ${at(c.local)} peer ${peer}`;
}

export function hopText(e: HopEvent): string {
  const pad = '      ';
  return [
    `${String(e.seq).padStart(3)} ${e.kind} ${placeText(e)}`,
    `${pad}source  ${e.source}`,
    e.packet ? `${pad}packet  ${packetText(e.packet)}` : `${pad}socket  ${socketText(e.socket)}`,
    `${pad}verdict ${verdictText(e)}`,
    ...(e.syscalls ?? []).map((s) => `${pad}syscall ${s}`),
    `${pad}says    ${sayText(e)}`,
    ...e.maps.map((m) => `${pad}${m.node === e.node ? '' : `${m.node}: `}${opText(m)}`),
  ].join('\n');
}

/** A resolved endpoint: `pod default/netpod on k8s-s 172.16.0.79`. */
export function endpointText(e: FlowEndpoint): string {
  switch (e.kind) {
    case 'pod':
      return `pod ${e.namespace}/${e.name} on ${e.node} ${e.ip}${e.hostNetwork ? ' hostNetwork' : ''}`;
    case 'node':
      return `node ${e.node} ${e.ip}`;
    case 'service':
      return `service ${e.namespace}/${e.name} ${e.ip}:${e.port}`;
    case 'ip':
      return `ip ${e.ip}`;
    default: {
      const never: never = e;
      return never;
    }
  }
}

export function golden(t: Trace): string {
  const f = t.flow;
  const head = [
    `flow ${f.from} > ${f.to} ${f.proto}${f.port === undefined ? '' : ` port ${f.port}`} seed ${f.seed}`,
    `client ${endpointText(t.client)} | server ${endpointText(t.server)}${t.backend ? ` | backend ${endpointText(t.backend)}` : ''}`,
  ];
  return `${[...head, ...t.events.map(hopText)].join('\n')}\n=> ${t.outcome.status}: ${render('en', t.outcome.message)}\n`;
}
