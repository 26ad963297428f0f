/**
 * Golden traces on Cilium's nodeport test cluster (test/fixtures/controlplane):
 * echo-local has externalTrafficPolicy Local and its one backend on
 * nodeport-worker. From outside, the control plane drops (158, the external
 * scope is empty); the worker forwards to its own pod.
 */
import { describe, expect, it } from 'vitest';
import { derive, traceFlow, type FlowRequest } from '../../src/engine/index.ts';
import { loadDumps } from '../controlplane/fixture.ts';
import { golden } from './golden.ts';

const CASES: [string, FlowRequest][] = [
  ['etp-local-no-local-backend', { from: '203.0.113.7', to: 'nodeport-control-plane', proto: 'tcp', port: 30867 }],
  ['etp-local-local-backend', { from: '203.0.113.7', to: 'nodeport-worker', proto: 'tcp', port: 30867 }],
  ['hostport-from-outside', { from: '203.0.113.7', to: 'nodeport-worker', proto: 'tcp', port: 8080 }],
];

describe('golden traces of the nodeport control-plane cluster', () => {
  const dp = derive(loadDumps('nodeport', ['state1.yaml'], { 'enable-node-port': 'true' }));
  it.each(CASES)('%s', async (name, req) => {
    await expect(golden(traceFlow(dp, req))).toMatchFileSnapshot(`../golden/controlplane/${name}.txt`);
  });
});
