/**
 * What NetworkPolicy and CiliumNetworkPolicy share: label selectors read into
 * the agent's EndpointSelector form (keys with their label source), ports and
 * CIDR rules. Every bad value becomes a located issue, never an exception.
 */
import type { FieldPath } from '../documents.ts';
import { fieldText, shown, type Fields } from '../fields.ts';
import type {
  CidrRuleModel, EndpointSelectorModel, PolicyPeerRule, PolicyPort, PolicyProtocol, SelectorOperator, SelectorRequirement,
} from '../model.ts';
import { cidrContains, cidrToString, parseCidr, parseIpv4, type Cidr } from '../values.ts';
import { listWords, phrase, portPhrase, words, type Phrase } from './rule-words.ts';
import { say } from '../issue-text.ts';

/** The namespace label every pod identity carries (pkg/k8s/apis/cilium.io PodNamespaceLabel). */
export const NAMESPACE_KEY = 'k8s:io.kubernetes.pod.namespace';
/** Prefix of the namespace's own labels in a pod identity (PodNamespaceMetaLabels). */
export const NAMESPACE_LABELS = 'io.cilium.k8s.namespace.labels';

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * pkg/labels parseSource: the text before the first colon is the source
 * (`k8s:app`), `$host` is `reserved:host`, and a key without one matches any
 * source (`any:app`).
 */
export function sourcedKey(key: string): string {
  if (key.startsWith('$')) return `reserved:${key.slice(1)}`;
  return key.includes(':') ? key : `any:${key}`;
}

export const inRequirement = (key: string, value: string): SelectorRequirement => ({ key, operator: 'In', values: [value] });

/** A selector and how the person wrote it (`app=netpod`), for rule texts. */
export interface ReadSelector {
  selector: EndpointSelectorModel;
  text: string;
}

/**
 * matchLabels and matchExpressions at `path`. `keyOf` turns a written key into
 * the agent's key: NetworkPolicy prefixes `k8s:` (or the namespace-label
 * path), CiliumNetworkPolicy keeps the written source.
 */
export function readSelector(f: Fields, path: FieldPath, keyOf: (key: string) => string): ReadSelector {
  const v = f.get(path);
  const out: ReadSelector = { selector: { requirements: [] }, text: '' };
  if (v === undefined || v === null) return out;
  if (typeof v !== 'object' || Array.isArray(v)) {
    f.error(path, say('scenario.must_be_selector', { value: shown(v) }));
    return out;
  }
  const words: string[] = [];
  for (const [k, value] of Object.entries(f.stringMap([...path, 'matchLabels']))) {
    out.selector.requirements.push(inRequirement(keyOf(k), value));
    words.push(`${k}=${value}`);
  }
  f.list([...path, 'matchExpressions']).forEach((_, i) => {
    const at = [...path, 'matchExpressions', i];
    const key = f.str([...at, 'key'], true);
    const opText = f.str([...at, 'operator'], true);
    const values = f.list([...at, 'values']).map((_, j) => f.str([...at, 'values', j]) ?? '');
    if (key === undefined || opText === undefined) return;
    if (!(OPERATORS as readonly string[]).includes(opText)) {
      f.error([...at, 'operator'], say('scenario.not_one_of', { value: opText, allowed: OPERATORS.join(', ') }));
      return;
    }
    const operator = opText as SelectorOperator;
    const needsValues = operator === 'In' || operator === 'NotIn';
    if (needsValues && values.length === 0) f.error([...at, 'values'], say('scenario.values_needed', { operator }));
    if (!needsValues && values.length > 0) f.error([...at, 'values'], say('scenario.values_unwanted', { operator }));
    out.selector.requirements.push({ key: keyOf(key), operator, values });
    words.push(expressionText(key, operator, values));
  });
  out.text = words.join(',');
  return out;
}

function expressionText(key: string, op: SelectorOperator, values: string[]): string {
  switch (op) {
    case 'In':
      return `${key} in (${values.join(',')})`;
    case 'NotIn':
      return `${key} notin (${values.join(',')})`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
  }
}

/** A CIDR, or (CiliumNetworkPolicy fromCIDR) a bare address meaning its /32. */
export function readCidrText(f: Fields, path: FieldPath, allowBareIp: boolean): Cidr | undefined {
  const text = f.str(path, true);
  if (text === undefined) return undefined;
  if (text.includes(':')) {
    f.warn(path, say('scenario.ipv6_ignored', { value: shown(text) }));
    return undefined;
  }
  const ip = allowBareIp && !text.includes('/') ? parseIpv4(text) : undefined;
  const cidr = ip ? { base: ip, bits: 32 } : parseCidr(text);
  return cidr ?? f.error(path, say('scenario.not_cidr', { value: shown(text) }));
}

/** ipBlock / CIDRRule: `cidr` and `except` (each exception inside the CIDR, as the API server checks). */
export function readCidrRule(f: Fields, path: FieldPath): CidrRuleModel | undefined {
  if (f.has([...path, 'cidrGroupRef'])) f.warn([...path, 'cidrGroupRef'], say('scenario.not_modelled', { what: 'CiliumCIDRGroup' }));
  const cidr = readCidrText(f, [...path, 'cidr'], false);
  if (cidr === undefined) return undefined;
  const except: Cidr[] = [];
  f.list([...path, 'except']).forEach((_, i) => {
    const e = readCidrText(f, [...path, 'except', i], false);
    if (e === undefined) return;
    if (e.bits < cidr.bits || !cidrContains(cidr, e.base)) {
      f.error([...path, 'except', i], say('scenario.except_outside', { except: cidrToString(e), cidr: cidrToString(cidr) }));
    } else except.push(e);
  });
  return { cidr, except };
}

/** IANA_SVC_NAME, what a container port name (and so a named port in a policy) must be. */
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

/**
 * A port number (1..65535, or 0 where `allowZero`: every port) or a port
 * name. YAML may type a CiliumNetworkPolicy's "80" as text or as a number.
 */
export function readPortValue(f: Fields, path: FieldPath, allowZero: boolean): { port: number; name?: string } | undefined {
  const v = f.get(path);
  if (v === undefined || v === null) return { port: 0 };
  const min = allowZero ? 0 : 1;
  if (typeof v === 'string' && !/^\d+$/.test(v)) {
    if (!PORT_NAME.test(v)) return f.error(path, say('scenario.not_port_or_name', { value: shown(v) }));
    return { port: 0, name: v };
  }
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > 65535) {
    return f.error(path, say('scenario.must_be_port', { min, value: shown(v) }));
  }
  return { port: n };
}

/** endPort: only after a numeric port, and not below it (the API server's check). */
export function readEndPort(f: Fields, path: FieldPath, start: { port: number; name?: string }): number | undefined {
  const end = f.int(path, { min: 1, max: 65535 });
  if (end === undefined) return undefined;
  if (start.name !== undefined || start.port === 0) return f.error(path, say('scenario.end_port_needs_port'));
  if (end < start.port) return f.error(path, say('scenario.end_port_below', { end, port: start.port }));
  return end === start.port ? undefined : end;
}

/**
 * A ports[] entry once its protocol is known: the port (or name) and an
 * optional endPort, as both NetworkPolicy and CiliumNetworkPolicy write it.
 * Undefined when the port is wrong (the error is already recorded).
 */
export function readPolicyPort(f: Fields, at: FieldPath, protocol: PolicyProtocol, allowZero: boolean): PolicyPort | undefined {
  const start = readPortValue(f, [...at, 'port'], allowZero);
  if (start === undefined) return undefined;
  const endPort = readEndPort(f, [...at, 'endPort'], start);
  const port: PolicyPort = { port: start.port, protocol };
  if (start.name !== undefined) port.name = start.name;
  if (endPort !== undefined) port.endPort = endPort;
  return port;
}

/** A rule's located origin and its one-line text: `from app=netpod on 80/TCP`, in words too. */
export function peerRule(
  f: Fields,
  path: FieldPath,
  direction: 'ingress' | 'egress',
  peers: Pick<PolicyPeerRule, 'endpoints' | 'entities' | 'cidrs' | 'ports'>,
  peerWords: readonly Phrase[],
): PolicyPeerRule {
  const who: Phrase = peerWords.length > 0
    ? phrase(peerWords.map((p) => p.text).join(', '), listWords(peerWords.map((p) => p.words)))
    : peers.ports.length > 0 ? phrase('anyone', words('policy.peer.anyone')) : phrase('nobody', words('policy.peer.nobody'));
  const ports = peers.ports.map(portPhrase);
  const dir = direction === 'ingress' ? 'from' : 'to';
  const id = `policy.rule.${dir}${ports.length > 0 ? '.ports' : ''}` as const;
  return {
    ...peers,
    field: fieldText(path),
    line: f.obj.lineOf(path),
    text: `${dir} ${who.text}${ports.length > 0 ? ` on ${ports.map((p) => p.text).join(', ')}` : ''}`,
    words: words(id, ports.length > 0 ? { who: who.words, ports: listWords(ports.map((p) => p.words)) } : { who: who.words }),
  };
}
