/**
 * A map row's value in words, beside the raw text the cilium CLI prints
 * (engine/maps/format.ts writes those texts; this reads them back). Returns a
 * catalog key and its parameters, so English and Korean render the same
 * facts: `12 0 (9) [0x0 0x0]` at slot 2 of a service with two backends is
 * "backend 12, slot 2 of 2, rev-NAT 9". Pure: the panel, the evidence strip
 * and the tests call it. A text it does not recognise decodes to nothing
 * (the raw text stays), never to a guess.
 */
import { policyValueCilium, type MapName, type Message, type Param } from '../../engine/index.ts';
import type { MessageKey } from '../../i18n/index.ts';

export interface Decoded {
  key: MessageKey;
  /** Values, or an engine message the catalog renders in the same language (a policy row's origin). */
  params: Record<string, Param>;
}

export interface RowText {
  map: MapName;
  key: string;
  value?: string;
  /** Words the engine gave the row (MapRow.words, MapOp.words): a cilium_policy entry's origin. */
  words?: Message;
}

/**
 * The value as the raw column shows it: a policy row with words drops its
 * English parenthetical (the words say it, in the page's language); the
 * Cilium part stays as Cilium prints it. Every other value is shown whole.
 */
export function rawValue(row: RowText): string | undefined {
  return row.map === 'cilium_policy' && row.words && row.value ? policyValueCilium(row.value) : row.value;
}

/**
 * The value of another row of the same map, by key: a slot row reads its
 * service's master row (slot 0) for the backend count.
 */
export type RowLookup = (map: MapName, key: string) => string | undefined;

const SERVICE_KEY = /^(.+?)(\/i)? \((\d+)\)$/;
const SERVICE_VALUE = /^(\d+) (\d+) \((\d+)\) \[0x([0-9a-f]+) 0x([0-9a-f]+)\]$/;

/** Service4Key text → address:port (with `/i`), slot. */
export function parseServiceKey(key: string): { frontend: string; internal: boolean; slot: number } | undefined {
  const m = SERVICE_KEY.exec(key);
  return m ? { frontend: m[1] ?? '', internal: m[2] !== undefined, slot: Number(m[3]) } : undefined;
}

/** Service4Value text → backend id, count, rev-NAT index. */
export function parseServiceValue(value: string): { backend: number; count: number; revNat: number } | undefined {
  const m = SERVICE_VALUE.exec(value);
  return m ? { backend: Number(m[1]), count: Number(m[2]), revNat: Number(m[3]) } : undefined;
}

/** The master row's key of a slot row: the same frontend at slot 0. */
export const masterKey = (key: string): string | undefined => {
  const k = parseServiceKey(key);
  return k ? `${k.frontend}${k.internal ? '/i' : ''} (0)` : undefined;
};

/**
 * Undoes format.ts beInt16/beUint16: the Go struct prints network-order
 * 16-bit fields read as little-endian (a port 80 prints as 20480).
 */
export const fromBe16 = (printed: number): number => {
  const n = printed & 0xffff;
  return ((n & 0xff) << 8) | ((n >> 8) & 0xff);
};

function service(row: RowText, lookup?: RowLookup): Decoded | undefined {
  const k = parseServiceKey(row.key);
  const v = row.value === undefined ? undefined : parseServiceValue(row.value);
  if (!k || !v) return undefined;
  if (k.slot === 0) {
    const params = { service: k.frontend, count: v.count, revNat: v.revNat };
    if (v.count === 0) return { key: 'decode.serviceNone', params };
    return { key: v.count === 1 ? 'decode.serviceOne' : 'decode.service', params };
  }
  const mk = masterKey(row.key);
  const master = mk && lookup ? lookup(row.map, mk) : undefined;
  const count = master === undefined ? undefined : parseServiceValue(master)?.count;
  const params = { backend: v.backend, slot: k.slot, revNat: v.revNat };
  return count === undefined ? { key: 'decode.slotAlone', params } : { key: 'decode.slot', params: { ...params, count } };
}

/** Backend4ValueV3: `ANY://172.16.2.253` (1.16 prints no port), or with a port if one is printed. */
function backend(row: RowText): Decoded | undefined {
  const m = /^[A-Z]+:\/\/(.+)$/.exec(row.value ?? '');
  if (!m || !/^\d+$/.test(row.key)) return undefined;
  return { key: 'decode.backend', params: { id: Number(row.key), address: m[1] ?? '' } };
}

function revNat(row: RowText): Decoded | undefined {
  if (!/^\d+$/.test(row.key) || !row.value) return undefined;
  return { key: 'decode.revNat', params: { id: Number(row.key), frontend: row.value } };
}

/** SockRevNat4Key `[backend]:port, cookie` and value `[vip]:port, rev_nat`, ports and index in network order. */
function reverseSk(row: RowText): Decoded | undefined {
  const k = /^\[(.+)\]:(-?\d+), (\d+)$/.exec(row.key);
  const v = /^\[(.+)\]:(-?\d+), (\d+)$/.exec(row.value ?? '');
  if (!k || !v) return undefined;
  return {
    key: 'decode.reverseSk',
    params: {
      cookie: k[3] ?? '',
      backend: `${k[1]}:${fromBe16(Number(k[2]))}`,
      service: `${v[1]}:${fromBe16(Number(v[2]))}`,
      revNat: fromBe16(Number(v[3])),
    },
  };
}

function ipcache(row: RowText): Decoded | undefined {
  const m = /^identity=(\d+) encryptkey=(\d+) tunnelendpoint=([^,]+), flags=(.+)$/.exec(row.value ?? '');
  if (!m) return undefined;
  const [, identity, , tep] = m;
  if (tep === '0.0.0.0' || tep === '<nil>') return { key: 'decode.ipcacheLocal', params: { prefix: row.key, identity: identity ?? '' } };
  return { key: 'decode.ipcacheRemote', params: { prefix: row.key, identity: identity ?? '', node: tep ?? '' } };
}

function lxc(row: RowText): Decoded | undefined {
  const ip = row.key.replace(/:0$/, '');
  if (row.value === '(localhost)') return { key: 'decode.lxcHost', params: { ip } };
  const m = /^id=(\d+)\s+sec_id=(\d+)\s+flags=\S+\s+ifindex=(\d+)\s+mac=(\S+)/.exec(row.value ?? '');
  if (!m) return undefined;
  return { key: 'decode.lxc', params: { ip, id: Number(m[1]), identity: Number(m[2]), ifindex: Number(m[3]), mac: m[4] ?? '' } };
}

const CT_KEY = /^(TCP|UDP|ICMP) (OUT|IN|SVC) (\S+) -> (\S+)( related)?$/;

function conntrack(row: RowText): Decoded | undefined {
  const k = CT_KEY.exec(row.key);
  const v = /RevNAT=(\d+) SourceSecurityID=(\d+) IfIndex=\d+ BackendID=(\d+)/.exec(row.value ?? '');
  if (!k || !v) return undefined;
  const [, proto, dir, src, dst] = k;
  const params = { proto: proto ?? '', src: src ?? '', dst: dst ?? '', identity: Number(v[2]), revNat: Number(v[1]), backend: Number(v[3]) };
  if (dir === 'SVC') return { key: 'decode.ctService', params };
  if (params.revNat !== 0) return { key: dir === 'OUT' ? 'decode.ctOutRevNat' : 'decode.ctInRevNat', params };
  return { key: dir === 'OUT' ? 'decode.ctOut' : 'decode.ctIn', params };
}

function nat(row: RowText): Decoded | undefined {
  const k = /^(TCP|UDP|ICMP) (OUT|IN) (\S+) -> (\S+)$/.exec(row.key);
  const v = /^XLATE_(SRC|DST) (\S+) /.exec(row.value ?? '');
  if (!k || !v) return undefined;
  const [, , dir, src, dst] = k;
  return dir === 'OUT'
    ? { key: 'decode.natOut', params: { src: src ?? '', to: v[2] ?? '' } }
    : { key: 'decode.natIn', params: { dst: dst ?? '', to: v[2] ?? '' } };
}

function tunnel(row: RowText): Decoded | undefined {
  const m = /^(.+):(\d+)$/.exec(row.value ?? '');
  return m ? { key: 'decode.tunnel', params: { prefix: row.key, node: m[1] ?? '' } } : undefined;
}

function neigh(row: RowText): Decoded | undefined {
  const k = /^(\S+) dev (\S+)/.exec(row.key);
  const v = /^lladdr (\S+)/.exec(row.value ?? '');
  return k && v ? { key: 'decode.neigh', params: { ip: k[1] ?? '', dev: k[2] ?? '', mac: v[1] ?? '' } } : undefined;
}

/** The row's value in words, or undefined when there is none to give (a miss, an unknown text). */
export function decodeRow(row: RowText, lookup?: RowLookup): Decoded | undefined {
  if (row.value === undefined || row.value === '') return undefined;
  switch (row.map) {
    case 'cilium_lb4_services_v2':
      return service(row, lookup);
    case 'cilium_lb4_backends_v3':
      return backend(row);
    case 'cilium_lb4_reverse_nat':
      return revNat(row);
    case 'cilium_lb4_reverse_sk':
      return reverseSk(row);
    case 'cilium_ipcache':
      return ipcache(row);
    case 'cilium_lxc':
      return lxc(row);
    case 'cilium_ct4_global':
    case 'cilium_ct_any4_global':
      return conntrack(row);
    case 'cilium_snat_v4_external':
      return nat(row);
    case 'cilium_tunnel_map':
      return tunnel(row);
    case 'neigh':
      return neigh(row);
    case 'cilium_policy':
      // Where the entry came from: the engine's own message, never read back from the English text.
      return row.words ? { key: 'decode.policyOrigin', params: { origin: row.words } } : undefined;
    default:
      return undefined;
  }
}
