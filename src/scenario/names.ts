/**
 * Names as the API server accepts them (k8s.io/apimachinery/pkg/util/validation):
 * object names are DNS-1123 subdomains, namespaces DNS-1123 labels, Service
 * names DNS-1035 labels; label keys are qualified names with an optional
 * DNS-1123 subdomain prefix, label values at most 63 characters of the same
 * alphabet. A scenario the API server would refuse is refused here too; it
 * also keeps control characters, markup and bidi overrides out of names.
 */
import type { Fields } from './fields.ts';
import { shown } from './fields.ts';
import { say, type IssueText } from './issue-text.ts';

const LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** Dot-separated DNS-1123 labels (one regex instead of splitting every name). */
const SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function dns1123LabelProblem(s: string): IssueText | undefined {
  if (s.length > 63 || !LABEL_RE.test(s)) {
    return say('scenario.name.dns1123_label');
  }
  return undefined;
}

export function dns1035LabelProblem(s: string): IssueText | undefined {
  if (s.length > 63 || !DNS1035_RE.test(s)) {
    return say('scenario.name.dns1035_label');
  }
  return undefined;
}

export function dns1123SubdomainProblem(s: string): IssueText | undefined {
  if (s.length > 253 || !SUBDOMAIN_RE.test(s)) {
    return say('scenario.name.dns1123_subdomain');
  }
  return undefined;
}

export function labelKeyProblem(key: string): IssueText | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && dns1123SubdomainProblem(prefix)) return say('scenario.name.key_prefix');
  if (name.length > 63 || !QUALIFIED_RE.test(name)) {
    return say('scenario.name.label_key');
  }
  return undefined;
}

export function labelValueProblem(value: string): IssueText | undefined {
  if (value === '') return undefined;
  if (value.length > 63 || !QUALIFIED_RE.test(value)) {
    return say('scenario.name.label_value');
  }
  return undefined;
}

/** Kinds whose names are DNS-1035 labels (the rest are subdomains). */
const DNS1035_NAMED = new Set(['Service']);

/** metadata.name, metadata.namespace and metadata.labels of one object, each problem located. */
export function checkNames(f: Fields): void {
  const { obj } = f;
  const raw = f.get(['metadata', 'name']);
  if (typeof raw !== 'string') f.error(['metadata', 'name'], say('scenario.name.not_string', { value: shown(raw) }));
  const nameProblem = DNS1035_NAMED.has(obj.kind) ? dns1035LabelProblem(obj.name) : dns1123SubdomainProblem(obj.name);
  if (nameProblem) f.error(['metadata', 'name'], say('scenario.name.bad', { value: shown(obj.name), problem: nameProblem }));
  const ns = f.get(['metadata', 'namespace']);
  if (typeof ns === 'string' && ns !== '') {
    const nsProblem = dns1123LabelProblem(ns);
    if (nsProblem) f.error(['metadata', 'namespace'], say('scenario.name.bad', { value: shown(ns), problem: nsProblem }));
  }
  checkLabelMap(f, ['metadata', 'labels']);
  if (obj.kind === 'Service') checkLabelMap(f, ['spec', 'selector']);
}

/**
 * Label keys and values already found good: 100,000 pods repeat a few thousand
 * of them, so each is checked once. Bounded, so a hostile file cannot grow it.
 */
const GOOD_KEYS = new Set<string>();
const GOOD_VALUES = new Set<string>();
const GOOD_MAX = 50_000;

function remembered(good: Set<string>, s: string, problem: (s: string) => IssueText | undefined): IssueText | undefined {
  if (good.has(s)) return undefined;
  const found = problem(s);
  if (found === undefined) {
    if (good.size >= GOOD_MAX) good.clear();
    good.add(s);
  }
  return found;
}

function checkLabelMap(f: Fields, path: string[]): void {
  const map = f.get(path);
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return;
  for (const [k, v] of Object.entries(map as Record<string, unknown>)) {
    const keyProblem = remembered(GOOD_KEYS, k, labelKeyProblem);
    if (keyProblem) f.error([...path, k], say('scenario.name.bad_key', { value: shown(k), problem: keyProblem }));
    if (typeof v !== 'string') continue;
    const valueProblem = remembered(GOOD_VALUES, v, labelValueProblem);
    if (valueProblem) f.error([...path, k], say('scenario.name.bad', { value: shown(v), problem: valueProblem }));
  }
}
