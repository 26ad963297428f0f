/**
 * `hubble observe` filters (hubble/cmd/observe flags): --pod, --from-pod and
 * --to-pod take `[namespace/]name` where the name is a prefix (as Hubble's
 * pod filter matches); the namespace defaults to `default`. --verdict and
 * --node-name match exactly. Several filters must all match.
 */
import type { HubbleEndpoint, HubbleFlow } from './flow.ts';

export interface FlowFilter {
  pod?: string;
  fromPod?: string;
  toPod?: string;
  verdict?: string;
  nodeName?: string;
}

function podMatcher(spec: string): (e: HubbleEndpoint) => boolean {
  const [ns, prefix] = spec.includes('/') ? (spec.split('/', 2) as [string, string]) : ['default', spec];
  return (e) => e.podName !== undefined && e.namespace === ns && e.podName.startsWith(prefix);
}

export function matches(f: HubbleFlow, filter: FlowFilter): boolean {
  if (filter.pod !== undefined) {
    const m = podMatcher(filter.pod);
    if (!m(f.source) && !m(f.destination)) return false;
  }
  if (filter.fromPod !== undefined && !podMatcher(filter.fromPod)(f.source)) return false;
  if (filter.toPod !== undefined && !podMatcher(filter.toPod)(f.destination)) return false;
  if (filter.verdict !== undefined && f.verdict !== filter.verdict.toUpperCase()) return false;
  if (filter.nodeName !== undefined && f.nodeName !== filter.nodeName) return false;
  return true;
}

export const filterFlows = (flows: readonly HubbleFlow[], filter: FlowFilter) => flows.filter((f) => matches(f, filter));
