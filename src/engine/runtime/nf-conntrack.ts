/**
 * The kernel's nf_conntrack NAT bindings, per node, as `conntrack -L` shows
 * them: what iptables DNAT (kube-proxy) and MASQUERADE wrote, so replies are
 * translated back without another rule lookup.
 */
import type { Ipv4 } from '../../scenario/values.ts';
import { message } from '../messages.ts';
import type { MapOp, Packet } from '../trace.ts';
import { PerNode } from './per-node.ts';

interface Binding {
  /** Rewrite the reply's source to this (undo DNAT) or its destination (undo SNAT). */
  kind: 'dnat' | 'snat';
  addr: Ipv4;
  port: number;
}

const proto = (p: Packet) => p.proto.toLowerCase();
const sp = (p: Packet) => (p.proto === 'ICMP' ? 0 : (p.sport ?? 0));
const dp = (p: Packet) => (p.proto === 'ICMP' ? 0 : (p.dport ?? 0));
/** The reply tuple a translated packet expects back, as the lookup key. */
const replyKey = (p: Packet) => `${proto(p)} src=${p.dst} dst=${p.src} sport=${dp(p)} dport=${sp(p)}`;
const arrivingKey = (p: Packet) => `${proto(p)} src=${p.src} dst=${p.dst} sport=${sp(p)} dport=${dp(p)}`;

export class NfConntrack {
  private readonly tables = new PerNode<string, Binding>();
  private table = (node: string) => this.tables.table(node);
  /** Original-direction tuples already translated: later packets of the flow skip the nat table. */
  private readonly original = new Map<string, Packet>();


  /** Records a translation: `before` is the original packet, `after` the translated one. */
  record(node: string, before: Packet, after: Packet, kind: 'dnat' | 'snat'): MapOp {
    const b: Binding = kind === 'dnat' ? { kind, addr: before.dst, port: dp(before) } : { kind, addr: before.src, port: sp(before) };
    const key = replyKey(after);
    this.table(node).set(key, b);
    this.original.set(`${node} ${kind} ${arrivingKey(before)}`, after);
    const value = `${proto(before)} src=${before.src} dst=${before.dst} sport=${sp(before)} dport=${dp(before)} [${kind.toUpperCase()}]`;
    return { node, map: 'nf_conntrack', op: 'update', key, value, hit: false, note: 'the reply tuple conntrack will expect', noteWords: message('note.nf.reply_tuple') };
  }

  /** The translation an earlier packet of this flow got (conntrack applies it without the rules). */
  established(node: string, p: Packet, kind: 'dnat' | 'snat'): { packet?: Packet; op: MapOp } {
    const after = this.original.get(`${node} ${kind} ${arrivingKey(p)}`);
    const translated = after && (kind === 'dnat' ? { ...p, dst: after.dst, dport: after.dport } : { ...p, src: after.src, sport: after.sport });
    return { packet: translated, op: { node, map: 'nf_conntrack', op: 'lookup', key: after ? replyKey(after) : arrivingKey(p), hit: !!after, note: 'an established connection', noteWords: message('note.nf.established') } };
  }

  /** A reply arriving in the stack: the binding that translates it back, if any. */
  reverse(node: string, p: Packet): { binding?: Binding; op: MapOp } {
    const key = arrivingKey(p);
    const binding = this.table(node).get(key);
    return { binding, op: { node, map: 'nf_conntrack', op: 'lookup', key, hit: !!binding } };
  }
}
