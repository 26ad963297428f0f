import { describe, expect, it } from 'vitest';
import { exportFileName } from './file-name.ts';

describe('export file names', () => {
  it('name the scenario, the flow and the hop, padded so files sort in hop order', () => {
    expect(exportFileName('kans-lab', { from: 'netpod', to: 'webpod1', proto: 'tcp', port: 80 }, { n: 4, total: 12, kind: 'socket-lb-rewrite' }, 'svg'))
      .toBe('flowlab_kans-lab_netpod-to-webpod1-tcp-80_hop-04-of-12_socket-lb-rewrite.svg');
  });

  it('keep namespaced pods, outside IPs and pasted scenario names file-system safe; ICMP has no port', () => {
    expect(exportFileName('my lab (copy)', { from: 'default/netpod', to: '10.96.0.10', proto: 'icmp', port: 53 }, { n: 1, total: 9, kind: undefined }, 'png'))
      .toBe('flowlab_my-lab-copy_default-netpod-to-10.96.0.10-icmp_hop-1-of-9.png');
  });
});
