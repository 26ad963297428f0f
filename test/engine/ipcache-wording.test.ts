/** The ipcache hop says what the tunnel endpoint is for in native routing: nothing is encapsulated. */
import { describe, expect, it } from 'vitest';
import { traceFlow } from '../../src/engine/index.ts';
import { render } from '../../src/i18n/index.ts';
import { loadBuiltin } from './builtin.ts';

describe('the ipcache hop in native routing (kans-lab)', () => {
  it('says the tunnelendpoint is not used for encapsulation without tunnel mode', () => {
    const trace = traceFlow(loadBuiltin('kans-lab'), { from: 'netpod', to: 'webpod1', proto: 'icmp', seed: 1 });
    const hop = trace.events.find((e) => e.kind === 'ipcache-lookup' && e.explain.id === 'ipcache.remote');
    expect(hop).toBeDefined();
    expect(render('en', hop!.explain)).toContain('without tunnel mode it is not used for encapsulation');
    expect(render('en', hop!.explain)).not.toContain('hint');
  });
});
