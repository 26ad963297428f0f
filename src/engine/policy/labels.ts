/**
 * Label selectors against identity labels (pkg/labels, pkg/policy/api
 * EndpointSelector). Identity labels are `source:key=value` strings;
 * selector keys are `source:key`, and the `any` source matches every source.
 */
import type { EndpointSelectorModel, SelectorRequirement } from '../../scenario/model.ts';

export interface Label {
  source: string;
  key: string;
  value: string;
}

/** `k8s:app=netpod` → {k8s, app, netpod}; `reserved:host` → {reserved, host, ''}. */
export function parseLabel(text: string): Label {
  const colon = text.indexOf(':');
  const source = colon < 0 ? 'unspec' : text.slice(0, colon);
  const rest = colon < 0 ? text : text.slice(colon + 1);
  const eq = rest.indexOf('=');
  return eq < 0 ? { source, key: rest, value: '' } : { source, key: rest.slice(0, eq), value: rest.slice(eq + 1) };
}

function splitKey(key: string): { source: string; key: string } {
  const colon = key.indexOf(':');
  return colon < 0 ? { source: 'any', key } : { source: key.slice(0, colon), key: key.slice(colon + 1) };
}

function valuesOf(labels: readonly Label[], req: SelectorRequirement): string[] {
  const want = splitKey(req.key);
  return labels.filter((l) => l.key === want.key && (want.source === 'any' || want.source === l.source)).map((l) => l.value);
}

function requirementMatches(labels: readonly Label[], req: SelectorRequirement): boolean {
  const found = valuesOf(labels, req);
  switch (req.operator) {
    case 'In':
      return found.some((v) => req.values.includes(v));
    case 'NotIn':
      return !found.some((v) => req.values.includes(v));
    case 'Exists':
      return found.length > 0;
    case 'DoesNotExist':
      return found.length === 0;
  }
}

/** Every requirement holds; the selector with none (the wildcard) matches everything. */
export function selectorMatches(sel: EndpointSelectorModel, labels: readonly Label[]): boolean {
  return sel.requirements.every((r) => requirementMatches(labels, r));
}

export const isWildcard = (sel: EndpointSelectorModel) => sel.requirements.length === 0;

/** A selector for one label, as entities are (`reserved:world`, `k8s:io.cilium.k8s.policy.cluster=default`). */
export function labelSelector(label: string): EndpointSelectorModel {
  const l = parseLabel(label);
  return { requirements: [{ key: `${l.source}:${l.key}`, operator: 'In', values: [l.value] }] };
}
