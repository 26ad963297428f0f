/** The parts of policy keys: port ranges as masked prefixes, protocols, named ports, CIDRs minus exceptions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContainerPort } from '../../scenario/model.ts';
import { cidrContains, cidrToString, parseCidr, u32ToIpv4, type Cidr } from '../../scenario/values.ts';
import { allocateCidrIdentities, cidrIdentityOf, removeCidrs } from './cidr.ts';
import { portProtoString, prefixLength } from './format.ts';
import { maskedPorts, portProtos } from './ports.ts';
import { PROTO } from './types.ts';

const cidr = (t: string): Cidr => {
  const c = parseCidr(t);
  if (!c) throw new Error(t);
  return c;
};

describe('maskedPorts (PortRangeToMaskedPorts)', () => {
  it('splits 80-95 into one /12 block and other ranges into aligned blocks', () => {
    expect(maskedPorts(80, 95)).toEqual([{ port: 80, bits: 12 }]);
    expect(maskedPorts(8000, 8080).map((m) => portProtoString({ proto: PROTO.TCP, port: m.port, portBits: m.bits }))).toEqual([
      '8000-8063/TCP', '8064-8079/TCP', '8080/TCP',
    ]);
    expect(maskedPorts(1, 7)).toEqual([{ port: 1, bits: 16 }, { port: 2, bits: 15 }, { port: 4, bits: 14 }]);
    expect(maskedPorts(0, 65535)).toEqual([{ port: 0, bits: 0 }]);
  });

  it('covers exactly the range with aligned, disjoint blocks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 2000 }), (start, len) => {
        const end = Math.min(65535, start + len);
        const blocks = maskedPorts(start, end);
        let next = start;
        for (const b of blocks) {
          const size = 2 ** (16 - b.bits);
          expect(b.port).toBe(next);
          expect(b.port % size).toBe(0);
          next += size;
        }
        expect(next - 1).toBe(end);
      }),
    );
  });
});

describe('portProtos', () => {
  const named = (ports: ContainerPort[]) => (name: string) => ports.filter((p) => p.name === name);
  const none = named([]);

  it('is one any-protocol key without ports, and ANY is TCP, UDP and SCTP', () => {
    expect(portProtos([], none)).toEqual([{ proto: 0, port: 0, portBits: 0 }]);
    expect(portProtos([{ port: 80, protocol: 'ANY' }], none).map((p) => p.proto)).toEqual([PROTO.TCP, PROTO.UDP, PROTO.SCTP]);
  });

  it('wildcards port 0, keeps an ICMP type as the port, resolves names with their protocol', () => {
    expect(portProtos([{ port: 0, protocol: 'UDP' }], none)).toEqual([{ proto: PROTO.UDP, port: 0, portBits: 0 }]);
    expect(portProtos([{ port: 8, protocol: 'ICMP' }], none)).toEqual([{ proto: PROTO.ICMP, port: 8, portBits: 16 }]);
    const dns = named([
      { name: 'dns', containerPort: 53 as never, protocol: 'UDP' },
      { name: 'dns-tcp', containerPort: 53 as never, protocol: 'TCP' },
    ]);
    expect(portProtos([{ port: 0, name: 'dns', protocol: 'UDP' }], dns)).toEqual([{ proto: PROTO.UDP, port: 53, portBits: 16 }]);
    // A name whose container port has another protocol gives no key.
    expect(portProtos([{ port: 0, name: 'dns', protocol: 'TCP' }], dns)).toEqual([]);
  });

  it('prints PORT/PROTO and PREFIX as cilium bpf policy get', () => {
    const rows = [
      { proto: 0, port: 0, portBits: 0 },
      { proto: PROTO.TCP, port: 0, portBits: 0 },
      { proto: PROTO.TCP, port: 80, portBits: 16 },
      { proto: PROTO.UDP, port: 80, portBits: 12 },
    ];
    expect(rows.map((r) => `${portProtoString(r)} ${prefixLength(r)}`)).toEqual(['ANY 0', 'TCP 8', '80/TCP 24', '80-95/UDP 20']);
  });
});

describe('CIDR rules', () => {
  it('removes the exceptions as ip.RemoveCIDRs does', () => {
    expect(removeCidrs(cidr('10.0.0.0/8'), [cidr('10.128.0.0/9')]).map(cidrToString)).toEqual(['10.0.0.0/9']);
    expect(removeCidrs(cidr('0.0.0.0/0'), [cidr('10.0.0.0/8')]).map(cidrToString)).toEqual([
      '0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8', '12.0.0.0/6', '16.0.0.0/4', '32.0.0.0/3', '64.0.0.0/2', '128.0.0.0/1',
    ]);
    expect(removeCidrs(cidr('10.1.0.0/16'), [cidr('10.0.0.0/8')])).toEqual([]);
  });

  it('keeps an address exactly when it is in the CIDR and in no exception', () => {
    const prefix = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 8, max: 30 }))
      .map(([n, bits]) => cidr(`${u32ToIpv4(n)}/${bits}`));
    fc.assert(
      fc.property(prefix, fc.array(prefix, { maxLength: 3 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (allow, except, n) => {
        const ip = u32ToIpv4(n);
        const kept = removeCidrs(allow, except).some((c) => cidrContains(c, ip));
        expect(kept).toBe(cidrContains(allow, ip) && !except.some((e) => cidrContains(e, ip)));
      }),
    );
  });

  it('gives each named prefix a local identity from 16777217 and finds the most specific', () => {
    const rule = (cidrs: string[]) => ({ endpoints: [], entities: [], ports: [], field: 'f', line: 1, text: '', words: { id: 'policy.text' as const, params: { text: '' } }, cidrs: cidrs.map((c) => ({ cidr: cidr(c), except: [] })) });
    const ids = allocateCidrIdentities([{
      kind: 'CiliumNetworkPolicy', namespace: 'default', name: 'p', source: { doc: 0, object: 'x', line: 1 },
      rules: [{ endpointSelector: { requirements: [] }, ingress: [rule(['8.8.8.8/32', '0.0.0.0/0'])], ingressDeny: [], egress: [rule(['8.0.0.0/8', '8.8.8.8/32'])], egressDeny: [], defaultDeny: { ingress: true, egress: true }, field: 'spec' }],
    }]);
    expect(ids.map((c) => [c.id, cidrToString(c.prefix), c.labels])).toEqual([
      [16777217, '8.0.0.0/8', ['cidr:8.0.0.0/8', 'reserved:world']],
      [16777218, '8.8.8.8/32', ['cidr:8.8.8.8/32', 'reserved:world']],
    ]);
    expect(cidrIdentityOf(ids, '8.8.8.8' as never)?.id).toBe(16777218);
    expect(cidrIdentityOf(ids, '8.8.4.4' as never)?.id).toBe(16777217);
    expect(cidrIdentityOf(ids, '1.1.1.1' as never)).toBeUndefined();
  });
});
