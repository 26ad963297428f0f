/**
 * `cilium bpf policy get <endpoint>` (cilium-dbg/cmd/bpf_policy_get.go): an
 * endpoint's cilium_policy map, one row per entry in PolicyEntriesDump order
 * (deny first, ingress before egress, identity ascending), the identity's
 * labels one per line, through the common tabwriter. `-n` prints identity
 * numbers, `--all` every map of the node. The real command takes an endpoint
 * ID; a pod name is accepted here as well. BYTES and PACKETS are 0: the
 * engine does not count traffic per entry.
 */
import type { Datapath, EndpointInfo } from '../../derive/types.ts';
import {
  directionName, endpointPolicy, identityLabels, policyEnforcement, policyMapName, portProtoString, prefixLength,
  sortedEntries,
} from '../../policy/index.ts';
import { tabwrite } from '../tabwriter.ts';

export type PolicyGetResult = { ok: true; text: string } | { ok: false; error: string };

/** bpf.TCGlobalsPath(): where the agent pins the per-endpoint maps. */
const GLOBALS = '/sys/fs/bpf/tc/globals';

export function policyTable(dp: Datapath, ep: EndpointInfo, numeric: boolean): string {
  const third = numeric ? 'IDENTITY' : 'LABELS (source:key[=value])';
  let text = `POLICY\tDIRECTION\t${third}\tPORT/PROTO\tPROXY PORT\tAUTH TYPE\tBYTES\tPACKETS\tPREFIX\t\n`;
  const entries = sortedEntries(endpointPolicy(dp, ep).entries);
  for (const e of entries) {
    const head = `${e.deny ? 'Deny' : 'Allow'}\t${directionName(e.direction)}`;
    const tail = `${portProtoString(e)}\tNONE\tdisabled\t0\t0\t${prefixLength(e)}\t\n`;
    const labels = numeric ? [] : identityLabels(dp, e.identity);
    if (labels.length === 0) {
      text += `${head}\t${e.identity}\t${tail}`;
      continue;
    }
    text += `${head}\t${labels[0]}\t${tail}`;
    for (const l of labels.slice(1)) text += `\t\t${l}\t\t\t\t\t\t\t\n`;
  }
  const out = tabwrite(text);
  return entries.length === 0 ? `${out}Policy stats empty. Perhaps the policy enforcement is disabled?\n` : out;
}

/** The node's endpoint an argument names: its ID, or its pod (`name` or `namespace/name`). */
function findEndpoint(endpoints: readonly EndpointInfo[], arg: string): EndpointInfo | undefined {
  if (/^\d+$/.test(arg)) return endpoints.find((e) => e.id === Number(arg));
  return endpoints.find((e) => e.key === arg) ?? endpoints.find((e) => !e.isHealth && e.name === arg);
}

export function bpfPolicyGet(dp: Datapath, node: string, args: readonly string[]): PolicyGetResult {
  const endpoints = [...(dp.node(node)?.endpoints ?? [])].sort((a, b) => a.id - b.id);
  const numeric = args.includes('-n') || args.includes('--numeric');
  const all = args.includes('--all');
  const rest = args.filter((a) => a !== '-n' && a !== '--numeric' && a !== '--all');
  if (all && rest.length === 0) {
    // listAllMaps: the pinned maps in file-name order, each with its endpoint ID and path.
    const text = endpoints.map((ep) =>
      `Endpoint ID: ${ep.id}\nPath: ${GLOBALS}/${policyMapName(ep)}\n\n${policyTable(dp, ep, numeric)}\n\n`).join('');
    return { ok: true, text: text || 'no maps found\n' };
  }
  const known = endpoints.map((e) => `${e.id} (${e.key})`).join(', ');
  const arg = rest[0];
  if (rest.length !== 1 || arg === undefined) {
    return { ok: false, error: `bpf policy get needs one endpoint ID or pod name; endpoints on ${node}: ${known}` };
  }
  const ep = findEndpoint(endpoints, arg);
  if (!ep) {
    const why = /^\d+$/.test(arg) ? `Failed to open map: ${policyMapName({ id: Number(arg) })} does not exist` : `Failed to parse endpointID "${arg}"`;
    return { ok: false, error: `${why}; endpoints on ${node}: ${known}` };
  }
  return { ok: true, text: policyTable(dp, ep, numeric) };
}

/** `cilium endpoint list`'s POLICY ENFORCEMENT columns (models.EndpointPolicyEnabled: Enabled / Disabled). */
export function endpointPolicyModes(dp: Datapath): (e: EndpointInfo) => { ingress: string; egress: string } {
  const word = (on: boolean) => (on ? 'Enabled' : 'Disabled');
  return (e) => {
    const { ingress, egress } = policyEnforcement(dp, e);
    return { ingress: word(ingress), egress: word(egress) };
  };
}
