/**
 * A policy rule's line in both languages: the words the loader builds render
 * in English to exactly the text Cilium-style CLI output keeps, and in Korean
 * from the Korean catalog (no English connecting words left).
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/i18n/index.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Message } from '../../src/engine/index.ts';
import { scenarioText } from '../engine/builtin.ts';
import { THREE_ZONES_POLICIES } from '../engine/policy-three-zones.ts';

const TEXTS: Record<string, () => string> = {
  'kans-lab-policy': () => scenarioText('kans-lab-policy'),
  'three-zones with policies': () => scenarioText('three-zones') + THREE_ZONES_POLICIES,
};

function peerRules(name: string, text = TEXTS[name]?.() ?? '') {
  const r = loadScenario(text, name);
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.model.policies.flatMap((p) => p.rules.flatMap((rule) => [...rule.ingress, ...rule.ingressDeny, ...rule.egress, ...rule.egressDeny]));
}

describe('policy rule lines', () => {
  it.each(Object.keys(TEXTS))('%s: the English words are the English text', (name) => {
    const rules = peerRules(name);
    expect(rules.length).toBeGreaterThan(2);
    for (const r of rules) expect(render('en', r.words as Message)).toBe(r.text);
  });

  it('say the rule in Korean, with Cilium\'s names and the selectors as written', () => {
    const ko = peerRules('kans-lab-policy').map((r) => render('ko', r.words as Message));
    for (const line of ko) {
      expect(line).toMatch(/^(출발지|목적지) /);
      expect(line).not.toMatch(/\b(from|to|on|in|anyone|nobody|pods|endpoints|except|any port)\b/);
    }
  });

  it('render the connecting words of every shape (NetworkPolicy, CNP, ports, CIDR, default deny)', () => {
    const text = `${scenarioText('kans-lab')}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
  ingress:
  - from:
    - podSelector: {}
      namespaceSelector: {}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
    ports: [{port: 80}, {protocol: UDP}]
`;
    const lines = peerRules('np', text).map((x) => [render('en', x.words as Message), render('ko', x.words as Message)]);
    expect(lines).toEqual([
      ['from pods (all) in namespaces (all) on 80/TCP, any port/UDP', '출발지 네임스페이스 (전체)의 파드 (전체), 포트 80/TCP, 모든 포트/UDP'],
      ['from ipBlock 10.0.0.0/8 except 10.1.0.0/16 on 80/TCP, any port/UDP', '출발지 ipBlock 10.0.0.0/8 (10.1.0.0/16 제외), 포트 80/TCP, 모든 포트/UDP'],
      ['to nobody (no egress rules: default deny)', '목적지 아무도 없음 (egress 규칙 없음: 기본 거부)'],
    ]);
  });
});
