/**
 * `cilium endpoint list` (cilium-dbg/cmd/endpoint_list.go): the node's
 * endpoints sorted by ID, a two-line header, one line per security-relevant
 * label (sorted) with the first one on the endpoint's line.
 *
 * Policy enforcement shows `Disabled` both ways: the lab has no policy yet
 * (a policy-aware engine can pass the modes in). The host endpoint, which has
 * no IP address, is not part of the derived endpoints and is not listed.
 */
import type { Datapath, EndpointInfo } from '../../derive/types.ts';
import { tabwrite } from '../tabwriter.ts';

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
  const endpoints = [...(dp.node(node)?.endpoints ?? [])].sort((a, b) => a.id - b.id);
  for (const e of endpoints) {
    const labels = [...(dp.identities.get(e.identity)?.labels ?? [])].sort();
    if (labels.length === 0) labels.push('no labels');
    const { ingress, egress } = policyOf(e);
    labels.forEach((label, i) => {
      text += i === 0
        ? `${e.id}\t${ingress}\t${egress}\t${e.identity}\t${label}\t\t${e.ip}\tready\t\n`
        : `\t\t\t\t${label}\t\t\t\t\n`;
    });
  }
  return tabwrite(text);
}
