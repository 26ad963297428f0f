/**
 * A policy rule's line as words (RuleWords, policy-model.ts) beside its
 * English text: each piece the readers build (a peer, a port, a CIDR) is a
 * Phrase of both, so `text` stays what Cilium-style CLI output prints and
 * `words` is what the page and `--lang ko` render from the catalogs.
 */
import type { CidrRuleModel, PolicyPort, RuleWordId, RuleWords } from '../model.ts';
import { cidrToString } from '../values.ts';

export interface Phrase {
  text: string;
  words: RuleWords;
}

export const words = (id: RuleWordId, params: RuleWords['params'] = {}): RuleWords => ({ id, params });

export const phrase = (text: string, w: RuleWords): Phrase => ({ text, words: w });

/** Text as it was written (a selector `app=netpod`, a CIDR): the same in every language. */
export const literal = (text: string): RuleWords => words('policy.text', { text });

/** Several phrases: "a, b, c" (the catalogs' `policy.list`). */
export function listWords(items: readonly RuleWords[]): RuleWords {
  const [first, ...rest] = items;
  if (!first) return literal('');
  return rest.reduce((a, b) => words('policy.list', { a, b }), first);
}

export function cidrPhrase(r: CidrRuleModel): Phrase {
  const cidr = cidrToString(r.cidr);
  if (r.except.length === 0) return phrase(cidr, literal(cidr));
  const except = r.except.map(cidrToString).join(', ');
  return phrase(`${cidr} except ${except}`, words('policy.cidr.except', { cidr, except }));
}

export function portPhrase(p: PolicyPort): Phrase {
  if (p.protocol === 'ICMP') return phrase(`ICMP type ${p.port}`, words('policy.port.icmp', { type: p.port }));
  if (p.name === undefined && p.port === 0) return phrase(`any port/${p.protocol}`, words('policy.port.any', { proto: p.protocol }));
  const where = p.name ?? (p.endPort ? `${p.port}-${p.endPort}` : String(p.port));
  return phrase(`${where}/${p.protocol}`, words('policy.port', { port: where, proto: p.protocol }));
}
