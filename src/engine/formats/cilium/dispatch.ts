/**
 * One entry point for the cilium CLI views, shared by `flowlab cilium NODE ...`
 * and the page: runs a parsed view (./view.ts) over a node's tables and
 * returns what the real command prints.
 */
import type { Datapath } from '../../derive/types.ts';
import type { MapTables } from '../../maps/rows.ts';
import { nodeOf } from '../../derive/lookups.ts';
import { bpfCtListGlobal } from './bpf-ct-list.ts';
import { configView } from './config-view.ts';
import { ciliumStatus } from './status.ts';
import { bpfEndpointList } from './bpf-endpoint-list.ts';
import { bpfIpmasqList } from './bpf-ipmasq-list.ts';
import { bpfLbList } from './bpf-lb-list.ts';
import { bpfNatList } from './bpf-nat-list.ts';
import { bpfPolicyGet, endpointPolicyModes } from './bpf-policy-get.ts';
import { bpfTunnelList } from './bpf-tunnel-list.ts';
import { endpointList } from './endpoint-list.ts';
import { mapGet } from './map-get.ts';
import { mapList } from './map-list.ts';
import { serviceList } from './service-list.ts';
import { parseCiliumArgs, type CiliumView } from './view.ts';

export { CILIUM_COMMANDS, nodeAliasIndex, ciliumViewWords, parseCiliumArgs, type CiliumView, type ParsedCilium } from './view.ts';

export type CiliumResult = { ok: true; text: string; stderr?: string } | { ok: false; error: string };

function unknownNode(dp: Datapath, node: string): CiliumResult | undefined {
  if (dp.node(node)) return undefined;
  return { ok: false, error: `unknown node "${node}"; nodes: ${dp.nodes.map((n) => n.name).join(', ')}` };
}

/** What the view prints on `node` given its tables (as of a step). */
export function runCiliumView(dp: Datapath, tables: MapTables, node: string, v: CiliumView): CiliumResult {
  const bad = unknownNode(dp, node);
  if (bad) return bad;
  const ok = (text: string): CiliumResult => ({ ok: true, text });
  switch (v.view) {
    case 'map get':
      return mapGet(dp, tables, node, v.map);
    case 'map list':
      return ok(mapList(dp, tables, node));
    case 'service list':
      return ok(serviceList(dp, node));
    case 'endpoint list':
      return ok(endpointList(dp, node, endpointPolicyModes(dp)));
    case 'bpf policy get':
      return bpfPolicyGet(dp, node, v.args);
    case 'bpf lb list':
      return ok(bpfLbList(dp, node, v.mode));
    case 'bpf endpoint list':
      return ok(bpfEndpointList(dp, node));
    case 'bpf nat list':
      return ok(bpfNatList(tables));
    case 'bpf ct list global':
      return ok(bpfCtListGlobal(tables));
    case 'bpf tunnel list':
      return ok(bpfTunnelList(dp, node));
    case 'bpf ipmasq list': {
      const { text, stderr } = bpfIpmasqList(dp);
      return stderr === undefined ? { ok: true, text } : { ok: true, text, stderr };
    }
    case 'status':
      return ok(ciliumStatus(dp, nodeOf(dp, node), v.verbose));
    case 'config view':
      return ok(configView(dp));
    default: {
      const never: never = v;
      return { ok: false, error: `unknown view ${JSON.stringify(never)}` };
    }
  }
}

/** Parses and runs a command given as words (the CLI's `flowlab cilium NODE ...`). */
export function runCiliumCommand(dp: Datapath, tables: MapTables, node: string, argv: readonly string[]): CiliumResult {
  const bad = unknownNode(dp, node);
  if (bad) return bad;
  const parsed = parseCiliumArgs(argv);
  return parsed.ok ? runCiliumView(dp, tables, node, parsed.view) : parsed;
}
