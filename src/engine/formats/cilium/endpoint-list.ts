/**
 * `cilium endpoint list` (cilium-dbg/cmd/endpoint_list.go): the node's
 * endpoints sorted by ID, a two-line header, one line per security-relevant
 * label (sorted) with the first one on the endpoint's line.
 *
 * Policy enforcement shows `Disabled` both ways: the lab has no policy yet
 * (a policy-aware engine can pass the modes in). The host endpoint
 * (reserved:host, identity 1) is listed too, with no IP address: its
 * enforcement is the host firewall's, which is off (Disabled).
 */
import type { Datapath, EndpointInfo } from '../../derive/types.ts';
import { tabwrite } from '../tabwriter.ts';
import { RESERVED } from '../../derive/identities.ts';

export interface PolicyModes {
  ingress: string;
  egress: string;
}

export type PolicyModeOf = (e: EndpointInfo) => PolicyModes;

const noPolicy: PolicyModeOf = () => ({ ingress: 'Disabled', egress: 'Disabled' });

export function endpointList(dp: Datapath, node: string, policyOf: PolicyModeOf = noPolicy): string {
  let text =
    'ENDPOINT\tPOLICY (ingress)\tPOLICY (egress)\tIDENTITY\tLABELS (source:key[=value])\tIPv6\tIPv4\tSTATUS\t\n' +
    '\tENFORCEMENT\tENFORCEMENT\t\t\t\t\t\n';
  const n = dp.node(node);
  type Row = { id: number; identity: number; labels: string[]; ip: string; modes: PolicyModes };
  const rows: Row[] = (n?.endpoints ?? []).map((e) => {
    const labels = [...(dp.identities.get(e.identity)?.labels ?? [])].sort();
    return { id: e.id, identity: e.identity, labels, ip: e.ip, modes: policyOf(e) };
  });
  if (n) rows.push({ id: n.hostEndpointId, identity: RESERVED.host, labels: ['reserved:host'], ip: '', modes: { ingress: 'Disabled', egress: 'Disabled' } });
  rows.sort((a, b) => a.id - b.id);
  for (const r of rows) {
    if (r.labels.length === 0) r.labels.push('no labels');
    r.labels.forEach((label, i) => {
      text += i === 0
        ? `${r.id}\t${r.modes.ingress}\t${r.modes.egress}\t${r.identity}\t${label}\t\t${r.ip}\tready\t\n`
        : `\t\t\t\t${label}\t\t\t\t\n`;
    });
  }
  return tabwrite(text);
}
