/**
 * A policy hop's decision in words for the caption and inspector: which
 * direction, allowed or denied, which policy and which of its rules decided.
 */
import type { HopEvent } from '../../engine/index.ts';
import { render, type Lang } from '../../i18n/index.ts';
import type { T } from '../app/context.tsx';

export interface PolicyText {
  allowed: boolean;
  /** `ingress DENIED · match none · remote identity 256` */
  verdict: string;
  /** The policy (`default/webpod-from-netpod`), or why none is named. */
  policy: string | undefined;
  rule: string;
}

export function policyText(t: T, lang: Lang, ev: Pick<HopEvent, 'policyVerdict' | 'drop'>): PolicyText | undefined {
  const v = ev.policyVerdict;
  if (!v) return undefined;
  const direction = t(v.direction === 'ingress' ? 'policy.ingress' : 'policy.egress');
  const rule = render(lang, v.ruleMessage);
  if (!v.enforced && v.allowed) {
    return { allowed: true, verdict: t('policy.notEnforced', { direction }), policy: undefined, rule };
  }
  const result = v.allowed ? t('policy.allowed') : `${t('policy.denied')}${ev.drop ? ` (${ev.drop.code})` : ''}`;
  return {
    allowed: v.allowed,
    verdict: t('policy.verdict', { direction, result, match: v.match, identity: v.remoteIdentity }),
    policy: v.policy ?? (v.allowed ? undefined : t('policy.noPolicy')),
    rule,
  };
}
