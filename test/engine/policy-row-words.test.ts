/**
 * A cilium_policy row carries where its entry came from as a message (MapRow.words, MapOp.words), so the
 * page says the origin in its language beside the Cilium part; the English rendering is exactly the
 * parenthetical the value text (and `cilium bpf policy get`) keeps.
 */
import { describe, expect, it } from 'vitest';
import {
  initialTables, initialWords, policyValueCilium, rowOfOp, tableRows, traceFlow, type Datapath, type MapRow,
} from '../../src/engine/index.ts';
import { render } from '../../src/i18n/index.ts';
import { clusterWith } from '../../src/engine/policy/cluster.test-helper.ts';
import { loadBuiltin } from './builtin.ts';

/** The English sentences of the origins (en catalog, rule words): none may stay in Korean. */
const ENGLISH = /allows all|the node itself|may always reach|only rules with|adds an allow-all|from pods|from any pod|on any port|\bline \d/;

function policyRowsOf(dp: Datapath): MapRow[] {
  return dp.nodes.flatMap((n) => tableRows(initialTables(dp, n.name), initialWords(dp, n.name)))
    .filter((t) => t.map === 'cilium_policy').flatMap((t) => t.rows);
}

function expectSaid(row: MapRow): void {
  expect(row.words, row.key).toBeDefined();
  if (!row.words) return;
  // English: today's parenthetical, word for word; the Cilium part before it stays Cilium's.
  expect(row.value).toBe(`${policyValueCilium(row.value)} (${render('en', row.words)})`);
  expect(policyValueCilium(row.value)).toMatch(/^(Allow|Deny) proxy-port=NONE auth=disabled prefix=\d+$/);
  const ko = render('ko', row.words);
  expect(ko).toMatch(/[가-힣]/);
  expect(ko).not.toMatch(ENGLISH);
}

describe('policy rows carry their origin as words', () => {
  it('kans-lab-policy: the agent\'s allow-all, allow-localhost, default allow-all and the rules, in English as the value says, in Korean', () => {
    const rows = policyRowsOf(loadBuiltin('kans-lab-policy'));
    const ids = new Set(rows.map((r) => r.words?.id));
    expect(ids).toEqual(new Set([
      'policy.origin.allow-all', 'policy.origin.allow-localhost', 'policy.origin.default-allow', 'policy.origin.rule',
    ]));
    rows.forEach(expectSaid);
    const rule = rows.find((r) => r.words?.id === 'policy.origin.rule' && r.value.includes('from pods'));
    expect(rule?.words && render('en', rule.words)).toMatch(/^NetworkPolicy [\w-]+\/[\w-]+: spec\.ingress\[\d\]\.from\[\d\] \(line \d+\): from pods/);
  });

  it('enableDefaultDeny false: the agent\'s default allow-all', () => {
    const cnp = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: { name: d, namespace: default }\nspec:\n'
      + '  endpointSelector: { matchLabels: { app: server } }\n  ingressDeny:\n  - fromEntities: [world]\n'
      + '  enableDefaultDeny: { ingress: false }';
    const rows = policyRowsOf(clusterWith(cnp));
    expect(rows.some((r) => r.words?.id === 'policy.origin.default-allow')).toBe(true);
    rows.forEach(expectSaid);
  });

  it('a hop\'s cilium_policy lookup carries the entry\'s words, and its replayed row keeps them', () => {
    const t = traceFlow(loadBuiltin('kans-lab-policy'), { from: 'netpod', to: 'webpod1', proto: 'tcp', port: 80 });
    const found = t.events.flatMap((e) => e.maps).filter((m) => m.map === 'cilium_policy' && m.hit);
    expect(found.length).toBeGreaterThan(0);
    for (const op of found) expectSaid(rowOfOp(op));
    expect(found.some((op) => op.words?.id === 'policy.origin.rule')).toBe(true);
  });
});
