/**
 * Reads Cilium's control-plane goldens (WriteLBMapAsTable tables) and the
 * project's `cilium service list` into one comparable form: per frontend its
 * type, address class, port and scope, with its backend set and states.
 *
 * Address classes: `any4` (0.0.0.0) and `any6` ([::]); `node4` / `node6` for a
 * node address, which in a golden is the Go suite's fake node addressing
 * (10.0.0.2, 10.0.0.3, f00d::1, f00d::2) and in the project the node's own
 * InternalIPs; anything else (ClusterIPs) is compared literally. Protocols are
 * left out: the goldens of one generation print `/NONE`, another `/TCP`, and
 * `service list` prints none. The goldens' IDs are renumbered by sorting, so
 * frontends compare as a set.
 */
const FAKE_NODE4 = new Set(['10.0.0.2', '10.0.0.3']);
const FAKE_NODE6 = new Set(['f00d::1', 'f00d::2']);

export interface NodeAddresses {
  ip4: string;
  ip6?: string;
}

function addressClass(addr: string, node: (a: string) => '4' | '6' | undefined): string {
  const bare = addr.replace(/^\[|\]$/g, '');
  if (bare === '0.0.0.0') return 'any4';
  if (bare === '::') return 'any6';
  const n = node(bare);
  return n ? `node${n}` : bare;
}

const entry = (type: string, cls: string, port: string, internal: boolean, backends: string[]) =>
  `${type} ${cls}:${port}${internal ? ' internal' : ''} -> {${[...backends].sort().join(', ')}}`;

/** `10.0.0.2:30867/NONE/i`, `[f00d::1]:31659/NONE`, `0.0.0.0:8080/TCP`. */
const GOLDEN_FE = /^(\[[^\]]+\]|[^:/]+):(\d+)\/\w+(\/i)?$/;
/** `10.244.1.224:80/TCP`, `[fd00:10:244:1::13e7]:69/UDP`. */
const GOLDEN_BE = /^(\[[^\]]+\]|[^:/]+):(\d+)\/\w+$/;

function tableRows(text: string, title: string): string[][] {
  const start = text.indexOf(` - ${title} `);
  const lines = text.slice(start).split('\n').slice(3);
  const end = lines.findIndex((l) => l.startsWith(' -'));
  return lines.slice(0, end).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
}

export function goldenFrontends(text: string): string[] {
  const backends = new Map<string, string>();
  for (const [id, addr, state] of tableRows(text, 'Backends')) {
    const m = GOLDEN_BE.exec(addr ?? '');
    if (!m || id === undefined) throw new Error(`backend row ${addr}`);
    backends.set(id, `${m[1]}:${m[2]} ${state}`);
  }
  const fake = (a: string) => (FAKE_NODE4.has(a) ? '4' : FAKE_NODE6.has(a) ? '6' : undefined);
  const out = new Set<string>();
  for (const [, , type, frontend, ids] of tableRows(text, 'Services')) {
    const m = GOLDEN_FE.exec(frontend ?? '');
    if (!m || !type || m[1] === undefined || m[2] === undefined) throw new Error(`service row ${frontend}`);
    const bes = (ids ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((id) => backends.get(id) ?? `? ${id}`);
    out.add(entry(type, addressClass(m[1], fake), m[2], m[3] !== undefined, bes));
  }
  return [...out].sort();
}

/** `service list` as the project prints it: `ID  Frontend  Service Type  Backend`, continuation lines. */
export function serviceListFrontends(text: string, node: NodeAddresses): string[] {
  const own = (a: string) => (a === node.ip4 ? '4' : a === node.ip6 ? '6' : undefined);
  const rows: { fe: string; type: string; backends: string[] }[] = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    const cells = line.trim().split(/\s{2,}/);
    const backend = /^\d+ => (\S+) \((\w+)\)$/;
    if (/^\s/.test(line)) {
      const m = backend.exec(cells[0] ?? '');
      if (m) rows.at(-1)?.backends.push(`${m[1]} ${m[2]}`);
      continue;
    }
    const [, fe, type, first] = cells;
    if (!fe || !type) throw new Error(`service list row ${line}`);
    const m = first ? backend.exec(first) : null;
    rows.push({ fe, type, backends: m ? [`${m[1]} ${m[2]}`] : [] });
  }
  const out = new Set<string>();
  for (const r of rows) {
    const m = /^(\[[^\]]+\]|[^:/]+):(\d+)(\/i)?$/.exec(r.fe);
    if (!m || m[1] === undefined || m[2] === undefined) throw new Error(`frontend ${r.fe}`);
    out.add(entry(r.type, addressClass(m[1], own), m[2], m[3] !== undefined, r.backends));
  }
  return [...out].sort();
}
