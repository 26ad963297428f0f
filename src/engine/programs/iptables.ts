/**
 * kube-proxy's iptables mode and iptables MASQUERADE, for a cluster where
 * Cilium does not replace kube-proxy. In 1.16 bpf_lxc still translates a
 * pod's ClusterIP traffic per packet (ENABLE_PER_PACKET_LB), so kube-proxy's
 * rules matter for what reaches the stack untranslated: the node's own
 * traffic to a ClusterIP (OUTPUT) and NodePorts (PREROUTING), which the agent
 * leaves to kube-proxy without NodePort support. (Kubernetes
 * pkg/proxy/iptables/proxier.go; docs/cilium-modes-notes.md §1.)
 */
import { cidrContains } from '../../scenario/values.ts';
import type { Frontend, NodeDatapath } from '../derive/types.ts';
import { servicePortOf } from '../derive/services.ts';
import { pickSlot, type Walk } from '../flow/walk.ts';
import type { Place } from '../place.ts';
import { hexOf } from '../util/hash.ts';
import type { MapOp, Packet } from '../trace.ts';
import { backendIdAt, backendOf } from '../derive/lookups.ts';
import { dstText, srcText, withDst, withSrc } from './packet.ts';
import { message, type Message } from '../messages.ts';

export const kubeProxyActive = (w: Walk) => !w.dp.config.kubeProxyReplacement;

/** Chain names as kube-proxy makes them: a hash of the service port (or endpoint), 16 characters. */
export const kubeChain = (prefix: string, text: string) => `${prefix}-${hexOf(text, 16).toUpperCase()}`;

/** The nat table's hooks in the host's stack (not on a device). */
const natAt = (node: NodeDatapath, hook: 'PREROUTING' | 'OUTPUT'): Place =>
  ({ kind: 'stack', node: node.name, hook: `netfilter ${hook}` });

/** The ClusterIP frontend serving a packet's destination, by ClusterIP or by NodePort on this node. */
function serviceFor(w: Walk, node: NodeDatapath, p: Packet): { f: Frontend; nodePort: boolean } | undefined {
  if (p.proto !== 'TCP' && p.proto !== 'UDP') return undefined;
  const direct = w.dp.frontends.find((f) => f.scope === 'cluster' && f.address === p.dst && f.port === p.dport);
  if (direct) return { f: direct, nodePort: false };
  if (p.dst !== node.ip) return undefined;
  for (const svc of w.dp.model.services) {
    const sp = svc.ports.find((x) => x.nodePort === p.dport);
    if (!sp) continue;
    const name = `${svc.namespace}/${svc.name}`;
    const f = w.dp.frontends.find((x) => x.service === name && x.scope === 'cluster' && servicePortOf(svc, x) === sp);
    if (f) return { f, nodePort: true };
  }
  return undefined;
}

/** nat PREROUTING / OUTPUT → KUBE-SERVICES → KUBE-SVC-* → KUBE-SEP-* DNAT. */
export function kubeProxyDnat(
  w: Walk, node: NodeDatapath, p: Packet, hook: 'PREROUTING' | 'OUTPUT',
): { packet: Packet; masq: boolean } | undefined {
  if (!kubeProxyActive(w)) return undefined;
  const hit = serviceFor(w, node, p);
  if (!hit || hit.f.backendIds.length === 0) return undefined;
  const known = w.nf.established(node.name, p, 'dnat');
  if (known.packet) {
    w.emit(
      {
        place: natAt(node, hook), program: 'nf_conntrack',
        source: 'kernel: nf_nat (established: the nat table is not consulted again)',
        packet: known.packet, kind: 'iptables', maps: [known.op], verdict: 'TRANSLATED',
      },
      'iptables.established',
      { from: dstText(p), to: dstText(known.packet) },
    );
    return { packet: known.packet, masq: hit.nodePort };
  }
  const { f } = hit;
  const n = f.backendIds.length;
  // The same draw as the services map's slot (pickSlot), so kube-proxy picks the backend eBPF would.
  const pick = pickSlot(w, n) - 1;
  const svcChain = kubeChain('KUBE-SVC', `${f.service}:${f.port}`);
  const proto = p.proto.toLowerCase();
  const rule = (key: string, hit = true, note?: string, noteWords?: Message): MapOp => {
    const op: MapOp = { node: node.name, map: 'iptables', op: 'lookup', key, hit };
    if (note !== undefined) op.note = note;
    if (noteWords) op.noteWords = noteWords;
    return op;
  };
  const rules: MapOp[] = [
    rule(`-t nat -A ${hook} -j KUBE-SERVICES`),
    hit.nodePort
      ? rule(`-A KUBE-NODEPORTS -p ${proto} --dport ${p.dport} -j ${svcChain}`)
      : rule(`-A KUBE-SERVICES -d ${f.address}/32 -p ${proto} --dport ${f.port} -j ${svcChain}`),
  ];
  // kube-proxy's statistic rules: endpoint i is taken with probability 1/(n-i) among the rest.
  f.backendIds.slice(0, pick + 1).forEach((id, i) => {
    const be = backendOf(w.dp, id);
    const sep = kubeChain('KUBE-SEP', `${f.service}:${be.address}:${be.port}`);
    const prob = i === n - 1 ? '' : ` -m statistic --mode random --probability ${(1 / (n - i)).toFixed(11)}`;
    const taken = i === pick;
    rules.push(rule(`-A ${svcChain}${prob} -j ${sep}`, taken, taken ? 'taken' : 'not taken',
      message(taken ? 'note.iptables.taken' : 'note.iptables.not_taken')));
  });
  const b = backendOf(w.dp, backendIdAt(f, pick + 1));
  const sep = kubeChain('KUBE-SEP', `${f.service}:${b.address}:${b.port}`);
  rules.push(rule(`-A ${sep} -p ${proto} -j DNAT --to-destination ${b.address}:${b.port}`));
  const out = withDst(p, b.address, b.port);
  rules.push(w.nf.record(node.name, p, out, 'dnat'));
  w.emit(
    {
      place: natAt(node, hook), program: 'kube-proxy (iptables)',
      source: 'kubernetes pkg/proxy/iptables/proxier.go: KUBE-SERVICES → KUBE-SVC → KUBE-SEP DNAT',
      packet: out, kind: 'iptables', maps: rules, verdict: 'TRANSLATED',
    },
    hit.nodePort ? 'iptables.nodeport' : 'iptables.dnat',
    { from: dstText(p), to: dstText(out), n, hook },
  );
  // NodePort traffic is marked for masquerading (KUBE-MARK-MASQ) so the reply returns through this node.
  return { packet: out, masq: hit.nodePort };
}

/** nat POSTROUTING: CILIUM_POST_nat (pod CIDR leaving the cluster) or KUBE-POSTROUTING (marked). */
export function iptablesMasquerade(w: Walk, node: NodeDatapath, p: Packet, marked: boolean): Packet {
  const c = w.dp.config;
  if (c.enableBpfMasquerade && !marked) return p;
  const known = w.nf.established(node.name, p, 'snat');
  if (known.packet) return known.packet;
  const fromPod = node.podCIDRs.some((x) => cidrContains(x, p.src));
  const excluded = c.ipv4NativeRoutingCIDR && cidrContains(c.ipv4NativeRoutingCIDR, p.dst);
  if (!marked && (!c.enableIpv4Masquerade || !fromPod || excluded)) return p;
  const out = withSrc(p, node.ip, p.proto === 'ICMP' ? p.icmpId : p.sport);
  const native = c.ipv4NativeRoutingCIDR;
  const except = native ? ` ! -d ${native.base}/${native.bits}` : '';
  const sources = node.podCIDRs.map((x) => `${x.base}/${x.bits}`).join(',');
  const rule = marked
    ? '-A KUBE-POSTROUTING -m mark --mark 0x4000/0x4000 -j MASQUERADE'
    : `-A CILIUM_POST_nat -s ${sources}${except} ! -o cilium_+ -j MASQUERADE`;
  w.emit(
    {
      place: { kind: 'postrouting', node: node.name, dev: node.device }, program: 'iptables',
      source: marked
        ? 'kubernetes pkg/proxy/iptables/proxier.go: KUBE-POSTROUTING MASQUERADE'
        : 'pkg/datapath/iptables/iptables.go: CILIUM_POST_nat MASQUERADE',
      packet: out, kind: 'iptables', verdict: 'TRANSLATED',
      maps: [
        { node: node.name, map: 'iptables', op: 'lookup', key: `-t nat ${rule}`, hit: true },
        w.nf.record(node.name, p, out, 'snat'),
      ],
    },
    'iptables.masquerade',
    { from: srcText(p), to: srcText(out), dev: node.device },
  );
  return out;
}

/** A packet entering the stack: nf_conntrack undoes the NAT its connection got. */
export function conntrackReverse(w: Walk, node: NodeDatapath, p: Packet): Packet {
  if (!kubeProxyActive(w) && w.dp.config.enableBpfMasquerade) return p;
  // A NodePort reply may carry two bindings: the masquerade, then the DNAT behind it.
  let current = p;
  for (let i = 0; i < 2; i++) {
    const next = reverseOnce(w, node, current);
    if (next === current) break;
    current = next;
  }
  return current;
}

function reverseOnce(w: Walk, node: NodeDatapath, p: Packet): Packet {
  const r = w.nf.reverse(node.name, p);
  if (!r.binding) return p;
  const { kind, addr, port } = r.binding;
  const out = kind === 'dnat' ? withSrc(p, addr, port) : withDst(p, addr, port);
  w.emit(
    {
      place: natAt(node, 'PREROUTING'), program: 'nf_conntrack',
      source: 'kernel: nf_nat (conntrack reverses the binding)',
      packet: out, kind: 'iptables', maps: [{ ...r.op, value: kind.toUpperCase() }], verdict: 'TRANSLATED',
    },
    kind === 'dnat' ? 'iptables.undnat' : 'iptables.unsnat',
    { from: kind === 'dnat' ? srcText(p) : dstText(p), to: kind === 'dnat' ? srcText(out) : dstText(out) },
  );
  return out;
}
