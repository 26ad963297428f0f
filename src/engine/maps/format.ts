/**
 * Keys and values of map rows, as `cilium map get <map>` and the `cilium bpf`
 * commands print them (reference §6; pkg/maps/*: String() methods). Every
 * MapOp the engine records uses these strings, so one row has one text
 * everywhere: map panel, CLI, hop inspector.
 */
import type { Cidr, Ipv4 } from '../../scenario/values.ts';

// --- cilium_ipcache (pkg/maps/ipcache) -------------------------------------
export const ipcacheKey = (c: Cidr) => `${c.base}/${c.bits}`;
export const ipcacheValue = (identity: number, tunnelEndpoint: Ipv4 | string, encryptKey = 0, skipTunnel = false) =>
  `identity=${identity} encryptkey=${encryptKey} tunnelendpoint=${tunnelEndpoint}, flags=${skipTunnel ? 'skiptunnel' : '<none>'}`;

// --- cilium_lb4_services_v2 / backends_v3 / reverse_nat (pkg/maps/lbmap) ---
/** Service4Key.String(): `10.10.252.131:80 (1)`; the internal scope adds `/i` (`10.0.0.2:30867/i (0)`). */
export const serviceKey = (addr: Ipv4, port: number, slot: number, internal = false) =>
  `${addr}:${port}${internal ? '/i' : ''} (${slot})`;
/** Service6Key.String(): net.JoinHostPort brackets the address: `[fd00:10:96::31c2]:80 (0)`. */
export const serviceKey6 = (addr: string, port: number, slot: number, internal = false) =>
  `[${addr}]:${port}${internal ? '/i' : ''} (${slot})`;
/**
 * Service4Value.String(): backend_id (or 0 on the master), count, (rev_nat), [flags flags2].
 * `flagBits` is the 16-bit ServiceFlags: the low byte is `flags`, the high byte `flags2`.
 */
export const serviceValue = (backendId: number, count: number, revNat: number, flagBits: number) =>
  `${backendId} ${count} (${revNat}) [0x${(flagBits & 0xff).toString(16)} 0x${(flagBits >> 8).toString(16)}]`;
export const backendKey = (id: number) => `${id}`;
/** Backend4ValueV3.String() in 1.16 prints the protocol (ANY) and address, not the port. */
export const backendValue = (addr: Ipv4) => `ANY://${addr}`;
/** Backend6ValueV3.String(), read as its IPv4 twin prints (protocol and address, no port). */
export const backendValue6 = (addr: string) => `ANY://[${addr}]`;
export const revNatKey = (id: number) => `${id}`;
export const revNatValue = (addr: Ipv4, port: number) => `${addr}:${port}`;

// --- cilium_lb4_reverse_sk (SockRevNat4Key/Value) ---------------------------
/** Network-order 16-bit value read back as a host-order signed int16, as the Go struct prints it. */
export function beInt16(n: number): number {
  const swapped = ((n & 0xff) << 8) | ((n >> 8) & 0xff);
  return swapped >= 0x8000 ? swapped - 0x10000 : swapped;
}
/** Network-order 16-bit value read back as host-order unsigned (rev_nat_index). */
export const beUint16 = (n: number) => ((n & 0xff) << 8) | ((n >> 8) & 0xff);
export const revSkKey = (backend: Ipv4, port: number, cookie: number) => `[${backend}]:${beInt16(port)}, ${cookie}`;
export const revSkValue = (vip: Ipv4, port: number, revNat: number) => `[${vip}]:${beInt16(port)}, ${beUint16(revNat)}`;

// --- cilium_lxc (bpf endpoint list: lxcmap.EndpointInfo.String()) ---------
export const lxcKey = (ip: Ipv4) => `${ip}:0`;
/** Go's `%-Nd`: left-aligned, space-padded to N characters. */
const goLeft = (n: number, width: number) => String(n).padEnd(width, ' ');
/** EndpointInfo.String(): `id=%-5d sec_id=%-5d flags=0x%04X ifindex=%-3d mac=%s nodemac=%s`. */
export const lxcValue = (e: { id: number; identity: number; ifindex: number; mac: string; nodeMac: string }, flags = 0) =>
  `id=${goLeft(e.id, 5)} sec_id=${goLeft(e.identity, 5)} flags=0x${flags.toString(16).toUpperCase().padStart(4, '0')} ` +
  `ifindex=${goLeft(e.ifindex, 3)} mac=${e.mac.toUpperCase()} nodemac=${e.nodeMac.toUpperCase()}`;
export const lxcHostValue = () => '(localhost)';

// --- conntrack (pkg/maps/ctmap: CtKey4Global + CtEntry.StringWithTimeDiff) -
export type CtDir = 'OUT' | 'IN' | 'SVC';
export interface CtTuple {
  proto: 'TCP' | 'UDP' | 'ICMP';
  dir: CtDir;
  src: Ipv4;
  sport: number;
  dst: Ipv4;
  dport: number;
  related?: boolean;
}
export const ctKey = (t: CtTuple) =>
  `${t.proto} ${t.dir} ${t.src}:${t.sport} -> ${t.dst}:${t.dport}${t.related ? ' related' : ''}`;

/** CT entry flag bits (pkg/maps/ctmap), in print order. */
export const CT_FLAG_NAMES: [number, string][] = [
  [1, 'RxClosing'], [2, 'TxClosing'], [4, 'Nat64'], [8, 'LBLoopback'], [16, 'SeenNonSyn'],
  [32, 'NodePort'], [64, 'ProxyRedirect'], [128, 'DSRInternal'], [256, 'FromL7LB'], [1024, 'FromTunnel'],
];

export interface CtEntryView {
  /** Expiry in the clock of the node (seconds since boot). */
  expires: number;
  rxFlagsSeen: number;
  lastRxReport: number;
  txFlagsSeen: number;
  lastTxReport: number;
  flags: number;
  revNat: number;
  sourceSecurityId: number;
  ifIndex: number;
  backendId: number;
}
const hex2 = (n: number) => `0x${n.toString(16).padStart(2, '0')}`;
export function ctValue(e: CtEntryView): string {
  const names = CT_FLAG_NAMES.filter(([bit]) => e.flags & bit).map(([, n]) => n);
  return (
    `expires=${e.expires} Packets=0 Bytes=0 RxFlagsSeen=${hex2(e.rxFlagsSeen)} LastRxReport=${e.lastRxReport} ` +
    `TxFlagsSeen=${hex2(e.txFlagsSeen)} LastTxReport=${e.lastTxReport} Flags=0x${e.flags.toString(16).padStart(4, '0')} ` +
    `[ ${names.length ? names.join(' ') + ' ' : ''}] RevNAT=${e.revNat} SourceSecurityID=${e.sourceSecurityId} ` +
    `IfIndex=${e.ifIndex} BackendID=${e.backendId} `
  );
}

// --- cilium_snat_v4_external (pkg/maps/nat: NatKey4 + NatEntry4) -----------
export const natKey = (t: Omit<CtTuple, 'related' | 'dir'> & { dir: 'OUT' | 'IN' }) =>
  `${t.proto} ${t.dir} ${t.src}:${t.sport} -> ${t.dst}:${t.dport}`;
export const natValue = (dir: 'OUT' | 'IN', addr: Ipv4, port: number, createdAgo: number, needsCt: boolean) =>
  `${dir === 'OUT' ? 'XLATE_SRC' : 'XLATE_DST'} ${addr}:${port} Created=${createdAgo}sec ago NeedsCT=${needsCt ? 1 : 0}`;

// --- cilium_tunnel_map (pkg/maps/tunnel): `cilium bpf tunnel list` --------
/** The pod CIDR's network address, without the length. */
export const tunnelKey = (c: Cidr) => `${c.base}`;
/** `ip:key`, key being the encryption key index. */
export const tunnelValue = (nodeIp: Ipv4, key = 0) => `${nodeIp}:${key}`;

// --- kernel tables shown beside the maps ----------------------------------
export const neighKey = (ip: Ipv4, dev: string) => `${ip} dev ${dev}`;
export const neighValue = (mac: string) => `lladdr ${mac} REACHABLE`;
