/** Real Hubble flows (issue #9 point 5): read jsonpb lines, replay one against the model, and the round trip. */
import { describe, expect, it } from 'vitest';
import { hubbleObserve, readHubbleFlows, replayFlow, traceFlow, type FlowRequest } from '../../src/engine/index.ts';
import { render } from '../../src/i18n/index.ts';
import { scenarioDatapath } from '../sysdump/make-sysdump.ts';

const CASES: [string, FlowRequest][] = [
  ['kans-lab', { from: 'netpod', to: 'webpod1', proto: 'icmp' }],
  ['kans-lab', { from: 'netpod', to: 'webpod2', proto: 'tcp', port: 80 }],
  ['three-zones', { from: 'toolbox', to: '1.1.1.1', proto: 'icmp' }],
  ['kans-lab-policy', { from: 'netpod2', to: 'webpod1', proto: 'tcp', port: 80 }],
];

function jsonpb(name: string, req: FlowRequest) {
  const dp = scenarioDatapath(name);
  return { dp, text: hubbleObserve(dp, traceFlow(dp, req), { output: 'json' }) };
}

describe.each(CASES)('flowlab trace --format hubble-jsonpb on %s', (name, req) => {
  it('reads back to the same flows, and each replays in agreement with the model', () => {
    const { dp, text } = jsonpb(name, req);
    const lines = text.trim().split('\n');
    const read = readHubbleFlows(text);
    expect(read.issues).toEqual([]);
    expect(read.flows).toHaveLength(lines.length);
    read.flows.forEach((f, i) => {
      const o = JSON.parse(lines[i] ?? '{}') as { flow: Record<string, unknown>; node_name: string };
      expect(f.nodeName).toBe(o.node_name);
      expect(f.verdict).toBe(o.flow['verdict']);
      expect(f.observationPoint).toBe(o.flow['trace_observation_point']);
      expect(f.dropReason).toBe(o.flow['drop_reason_desc']);
      expect(f.source.ip).toBe((o.flow['IP'] as { source: string }).source);
    });
    for (const f of read.flows) {
      const r = replayFlow(dp, f);
      const differ = r.aspects.filter((a) => !a.agree).map((a) => render('en', a.says));
      expect(differ, `line ${f.line}`).toEqual([]);
    }
  });
});

describe('where the real flow and the model differ', () => {
  const { dp, text } = jsonpb('kans-lab', { from: 'netpod', to: 'webpod1', proto: 'icmp' });
  const first = JSON.parse(text.split('\n')[0] ?? '{}') as { flow: Record<string, unknown>; node_name: string };

  it('a drop Hubble saw that the model does not predict', () => {
    const dropped = { ...first, flow: { ...first.flow, verdict: 'DROPPED', drop_reason_desc: 'POLICY_DENIED' } };
    const f = readHubbleFlows(JSON.stringify(dropped)).flows[0];
    const said = f ? replayFlow(dp, f).aspects.filter((a) => !a.agree).map((a) => render('en', a.says)) : [];
    expect(said).toContain(`Hubble saw a drop (POLICY_DENIED) on ${first.node_name} that the model does not predict`);
  });

  it('an identity that differs', () => {
    const renumbered = { ...first, flow: { ...first.flow, destination: { ...(first.flow['destination'] as object), identity: 77777 } } };
    const f = readHubbleFlows(JSON.stringify(renumbered)).flows[0];
    const said = f ? replayFlow(dp, f).aspects.filter((a) => !a.agree).map((a) => render('en', a.says)) : [];
    expect(said).toEqual([expect.stringMatching(/^172\.16\.1\.235 has identity 77777 in Hubble but \d+ in the model$/)]);
  });

  it('another node', () => {
    const moved = { ...first, node_name: 'k8s-w2', flow: { ...first.flow, node_name: 'k8s-w2' } };
    const f = readHubbleFlows(JSON.stringify(moved)).flows[0];
    const said = f ? replayFlow(dp, f).aspects.filter((a) => !a.agree).map((a) => render('en', a.says)) : [];
    expect(said.some((s) => s.startsWith('Hubble saw it on k8s-w2; the model never passes that node'))).toBe(true);
  });

  it('a policy name the model does not cite, and a drop the model predicts but Hubble did not see', () => {
    const policy = jsonpb('kans-lab-policy', { from: 'netpod2', to: 'webpod1', proto: 'tcp', port: 80 });
    const line = JSON.parse(policy.text.split('\n')[0] ?? '{}') as { flow: Record<string, unknown> };
    // Hubble saw the SYN delivered to webpod1 (to-endpoint on k8s-w1), which the model's policy drops before.
    const delivered = {
      ...line, node_name: 'k8s-w1',
      flow: { ...line.flow, node_name: 'k8s-w1', verdict: 'FORWARDED', trace_observation_point: 'TO_ENDPOINT', egress_allowed_by: [{ name: 'allow-all', namespace: 'default' }] },
    };
    const f = readHubbleFlows(JSON.stringify(delivered)).flows[0];
    const said = f ? replayFlow(policy.dp, f).aspects.filter((a) => !a.agree).map((a) => render('en', a.says)) : [];
    expect(said).toContain('the model drops it (POLICY_DENIED) on k8s-w1, but Hubble saw no drop here');
    expect(said.some((s) => s.startsWith('Hubble names policy default/allow-all; the model'))).toBe(true);
  });
});

describe('foreign lines', () => {
  it('are located by line number, never thrown, and the flows around them are read', () => {
    const { text } = jsonpb('kans-lab', { from: 'netpod', to: 'webpod1', proto: 'icmp' });
    const [a = '', b = ''] = text.split('\n');
    const mixed = [a, 'level=info msg="hubble observe"', '{"node_status":{"state_change":"NODE_CONNECTED"}}', '[1,2]', '{"hello":1}', b, ''].join('\n');
    const read = readHubbleFlows(mixed);
    expect(read.flows.map((f) => f.line)).toEqual([1, 6]);
    expect(read.issues.map((i) => i.message)).toEqual([
      'line 2: not JSON (expected one `hubble observe -o jsonpb` response per line)',
      'line 3: a node_status response, not a flow (skipped)',
      'line 4: not a JSON object',
      'line 5: not a Hubble flow (expected {"flow": {...}, "node_name": ..., "time": ...})',
    ]);
  });

  it('reads camelCase names (protojson accepts them) and the legacy flow-only lines', () => {
    const { text } = jsonpb('kans-lab', { from: 'netpod', to: 'webpod1', proto: 'icmp' });
    const o = JSON.parse(text.split('\n')[0] ?? '{}') as { flow: Record<string, unknown>; node_name: string };
    const camel = JSON.stringify({ flow: { ...o.flow, node_name: undefined, nodeName: o.node_name, trace_observation_point: undefined, traceObservationPoint: o.flow['trace_observation_point'] } });
    const legacy = JSON.stringify(o.flow);
    const read = readHubbleFlows(`${camel}\n${legacy}\n`);
    expect(read.issues).toEqual([]);
    expect(read.flows.map((f) => [f.nodeName, f.observationPoint])).toEqual([
      [o.node_name, o.flow['trace_observation_point']], [o.node_name, o.flow['trace_observation_point']],
    ]);
  });
});
