/** `flowlab trace --compare`: two modes of one flow, aligned, with the differing hops marked. */
import { describe, expect, it } from 'vitest';
import { traceCommand } from '../../src/cli/trace-command.ts';
import { UserError } from '../../src/cli/errors.ts';

describe('trace --compare', () => {
  it('marks the tunnel hops that replace native routing', () => {
    const out = traceCommand(['--from', 'netpod', '--to', 'webpod1', '--proto', 'icmp', '--compare', 'routing-mode=tunnel']);
    // One row: the same program on the same node, routing there and encapsulating here.
    expect(out).toMatch(/^~\s+9 native-routing @k8s-s\/lxce880e1eecb7a\s+9 tunnel-encap @k8s-s\/lxce880e1eecb7a\s+kind,outer/m);
    expect(out).toMatch(/^B only: VXLAN encapsulation between nodes$/m);
    expect(out).toMatch(/^B\s+13 tunnel-decap @k8s-w1\/cilium_vxlan/m);
    expect(out).toMatch(/rows differ \(A 28 hops, B 28 hops\)/);
  });

  it('takes a mode preset: socket LB against kube-proxy', () => {
    const out = traceCommand(['--from', 'netpod', '--to', 'svc', '--proto', 'tcp', '--compare', 'kube-proxy']);
    expect(out).toMatch(/^A\s+\d+ socket-lb-rewrite @k8s-s\/socket/m);
    expect(out).toMatch(/^B\s+\d+ service-lb @k8s-s\/lxce880e1eecb7a/m);
    expect(out).toMatch(/^B only: per-packet DNAT in bpf_lxc; kernel routing via the stack; iptables MASQUERADE$/m);
  });

  it('refuses a --compare that is neither key=value nor a mode', () => {
    expect(() => traceCommand(['--from', 'netpod', '--to', 'svc', '--compare', 'fast'])).toThrow(UserError);
    expect(() => traceCommand(['--from', 'netpod', '--to', 'svc', '--compare', 'routing-mode=tunnel,bpf-lb-sock'])).toThrow(/--compare: "bpf-lb-sock" is not key=value/);
  });
});
