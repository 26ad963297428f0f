import { describe, expect, it } from 'vitest';
import { choosePick } from './pick.ts';

describe('choosing a flow by clicking the drawing', () => {
  const flow = { from: 'netpod', to: 'webpod1', proto: 'tcp' as const, port: 80 };

  it('takes the first click as the source and waits for the destination', () => {
    expect(choosePick({ pick: undefined, flow }, 'webpod2')).toEqual({ pick: 'webpod2' });
  });

  it('traces from the first to the second click, keeping protocol and port', () => {
    expect(choosePick({ pick: 'webpod2', flow }, 'k8s-w1')).toEqual({ pick: undefined, flow: { from: 'webpod2', to: 'k8s-w1', proto: 'tcp', port: 80 } });
  });

  it('drops the port for ICMP and cancels when the source is clicked again', () => {
    expect(choosePick({ pick: 'a', flow: { from: 'x', to: 'y', proto: 'icmp' } }, 'b').flow).toEqual({ from: 'a', to: 'b', proto: 'icmp' });
    expect(choosePick({ pick: 'a', flow }, 'a')).toEqual({ pick: undefined });
  });
});
