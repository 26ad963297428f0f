/**
 * A policy hop's reason (the agent's allow-all, a rule, no matching entry) is a message, so the Korean
 * sentence and inspector say it in Korean; the English rendering stays the text the goldens hold.
 */
import { describe, expect, it } from 'vitest';
import { traceFlow } from '../../src/engine/index.ts';
import { render } from '../../src/i18n/index.ts';
import { loadBuiltin } from './builtin.ts';

describe('policy reasons in the reader\'s language', () => {
  it('renders the agent\'s allow-all in Korean inside the Korean sentence, and as before in English', () => {
    const t = traceFlow(loadBuiltin('kans-lab'), { from: 'netpod', to: 'webpod1', proto: 'icmp' });
    const hop = t.events.find((e) => e.kind === 'policy');
    expect(hop?.policyVerdict?.rule).toBe('no policy enforces this direction: the agent allows all (allowAllIdentities)');
    const ko = hop ? render('ko', hop.explain) : '';
    expect(ko).toContain('에이전트가 모두 허용합니다');
    expect(ko).not.toContain('the agent allows all');
    expect(hop && render('en', hop.policyVerdict?.ruleMessage ?? hop.explain)).toBe(hop?.policyVerdict?.rule);
  });

  it('names the selecting policy in Korean when nothing matches (default deny)', () => {
    const t = traceFlow(loadBuiltin('kans-lab-policy'), { from: 'netpod2', to: 'webpod1', proto: 'tcp', port: 80 });
    const drop = t.events.find((e) => e.kind === 'policy' && e.verdict === 'DROPPED');
    const v = drop?.policyVerdict;
    expect(v && render('en', v.ruleMessage)).toBe(v?.rule);
    expect(v && render('ko', v.ruleMessage)).toMatch(/기본 거부입니다$/);
  });
});
