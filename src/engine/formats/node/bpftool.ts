/**
 * `bpftool net show`, `bpftool prog show` and `bpftool map list` on a node:
 * which Cilium program is attached where (pkg/datapath/loader: netdev,
 * cilium_host/cilium_net, the overlay device, each endpoint's device) and
 * with which attach mode (tcx links, netkit links or legacy clsact filters).
 * Kernel-assigned numbers (prog/link/map ids, tags, sizes) are not in any
 * object the lab reads: they are allocated here in a fixed order, so the
 * views agree with each other, not with one boot of the seed's nodes.
 */
import type { Datapath, NodeDatapath } from '../../derive/types.ts';
import { tcHook, type TcDirection } from '../../place.ts';
import { hexOf } from '../../util/hash.ts';

export interface Attachment {
  dev: string;
  ifindex: number;
  dir: TcDirection;
  /** Where the loader put it: a tcx or netkit link, or a legacy filter. */
  mode: 'tc' | 'tcx' | 'netkit';
  prog: string;
  progId: number;
  linkId: number;
  /** The maps the entry program itself uses (its tail calls use the rest): its calls map and cilium_metrics. */
  callsMap: string;
}

/** cilium_metrics is created first of the maps these programs use, so it has the lowest id. */
const METRICS_MAP_ID = 66;
const FIRST_CALLS_MAP_ID = 180;

/** The kernel keeps 15 characters of a BPF object's name (BPF_OBJ_NAME_LEN 16 with the NUL). */
const objName = (name: string) => name.slice(0, 15);

/** The programs the loader attaches on `node`, in attach order (host devices at start-up, then endpoints). */
export function attachments(dp: Datapath, node: NodeDatapath): Attachment[] {
  const out: Attachment[] = [];
  const add = (dev: string, ifindex: number, dir: TcDirection, prog: string, endpoint: boolean, calls: string) => {
    const k = out.length;
    const mode = endpoint ? dp.attach.endpoint : dp.attach.device;
    out.push({ dev, ifindex, dir, mode, prog, progId: 1200 + 6 * k, linkId: 10 + k, callsMap: calls });
  };
  const ifs = [...node.interfaces].sort((a, b) => a.ifindex - b.ifindex);
  for (const i of ifs) {
    switch (i.kind) {
      case 'netdev':
        add(i.name, i.ifindex, 'ingress', 'cil_from_netdev', false, 'cilium_calls_netdev');
        add(i.name, i.ifindex, 'egress', 'cil_to_netdev', false, 'cilium_calls_netdev');
        break;
      case 'cilium_net':
        add(i.name, i.ifindex, 'ingress', 'cil_to_host', false, 'cilium_calls_hostns');
        break;
      case 'cilium_host':
        add(i.name, i.ifindex, 'ingress', 'cil_to_host', false, 'cilium_calls_hostns');
        add(i.name, i.ifindex, 'egress', 'cil_from_host', false, 'cilium_calls_hostns');
        break;
      case 'overlay':
        add(i.name, i.ifindex, 'ingress', 'cil_from_overlay', false, 'cilium_calls_overlay');
        add(i.name, i.ifindex, 'egress', 'cil_to_overlay', false, 'cilium_calls_overlay');
        break;
      case 'lxc':
      case 'lxc_health': {
        // Each endpoint has its own tail-call array, cilium_calls_<endpoint id, 5 digits>.
        const calls = `cilium_calls_${String(i.endpointId ?? 0).padStart(5, '0')}`;
        add(i.name, i.ifindex, 'ingress', 'cil_from_container', true, calls);
        add(i.name, i.ifindex, 'egress', 'cil_to_container', true, calls);
        break;
      }
      default: {
        const never: never = i.kind;
        throw new Error(`unknown interface kind ${String(never)}`);
      }
    }
  }
  // The loader loads a device's egress program before its ingress one (the seed's cil_to_container
  // 1396 < cil_from_container 1402) and attaches ingress first (link 27, then 28).
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k];
    const b = out[k + 1];
    if (a && b && a.dev === b.dev && a.dir === 'ingress' && b.dir === 'egress') [a.progId, b.progId] = [b.progId, a.progId];
  }
  return out;
}

/** bpftool's names: tcx and netkit links by attach type (tools/bpf/bpftool/net.c), legacy filters as clsact. */
function netLine(a: Attachment): string {
  if (a.mode === 'tc') return `${a.dev}(${a.ifindex}) clsact/${a.dir} ${a.prog}-${a.dev} id ${a.progId}`;
  return `${a.dev}(${a.ifindex}) ${tcHook(a.mode, a.dir)} ${a.prog} prog_id ${a.progId} link_id ${a.linkId}`;
}

export function bpftoolNetShow(dp: Datapath, node: NodeDatapath): string {
  const tc = attachments(dp, node).map(netLine);
  return ['xdp:', '', 'tc:', ...tc, '', 'flow_dissector:', '', 'netfilter:', ''].join('\n') + '\n';
}

/** The map ids: cilium_metrics, then each calls map in order of first use. */
function mapIds(list: Attachment[]): Map<string, number> {
  const ids = new Map<string, number>([['cilium_metrics', METRICS_MAP_ID]]);
  for (const a of list) if (!ids.has(a.callsMap)) ids.set(a.callsMap, FIRST_CALLS_MAP_ID + ids.size - 1);
  return ids;
}

/** The programs were loaded before the scenario's capture started (the agent's start); shown at that second. */
const loadedAt = (startUs: number): string => `${new Date(startUs / 1000).toISOString().slice(0, 19)}+0000`;

function progLines(a: Attachment, ids: Map<string, number>, startUs: number): string[] {
  const calls = ids.get(a.callsMap) ?? 0;
  const size = 700 + (a.progId % 97) * 11;
  return [
    `${a.progId}: sched_cls  name ${a.prog}  tag ${hexOf(`${a.prog}/${a.dev}`, 16)}  gpl`,
    `\tloaded_at ${loadedAt(startUs)}  uid 0`,
    // The entry program's map_ids in the order it references them: from-* tail-call first, to-* count first.
    `\txlated ${size}B  jited ${Math.round(size * 0.75)}B  memlock 4096B  map_ids ${a.dir === 'ingress' ? `${calls},${METRICS_MAP_ID}` : `${METRICS_MAP_ID},${calls}`}`,
    `\tbtf_id ${400 + (a.progId % 100)}`,
  ];
}

/** `bpftool prog show [id N]`. */
export function bpftoolProgShow(dp: Datapath, node: NodeDatapath, id?: number): { ok: true; text: string } | { ok: false; error: string } {
  const list = attachments(dp, node);
  const ids = mapIds(list);
  const picked = id === undefined ? list : list.filter((a) => a.progId === id);
  if (picked.length === 0) return { ok: false, error: `Error: get by id (${id}): No such file or directory` };
  return { ok: true, text: `${picked.flatMap((a) => progLines(a, ids, dp.captureStartUs)).join('\n')}\n` };
}

/** `bpftool map list`: the maps the attached entry programs use (their map_ids). */
export function bpftoolMapList(dp: Datapath, node: NodeDatapath): string {
  const ids = mapIds(attachments(dp, node));
  const lines: string[] = [];
  for (const [name, id] of [...ids].sort((a, b) => a[1] - b[1])) {
    if (name === 'cilium_metrics') {
      lines.push(`${id}: percpu_hash  name cilium_metrics  flags 0x1`, '\tkey 8B  value 8B  max_entries 4096  memlock 66560B');
    } else {
      lines.push(`${id}: prog_array  name ${objName(name)}  flags 0x0`, '\tkey 4B  value 4B  max_entries 50  memlock 720B');
      lines.push('\towner_prog_type sched_cls  owner jited');
    }
  }
  return `${lines.join('\n')}\n`;
}
