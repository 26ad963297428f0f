import { describe, expect, it } from 'vitest';
import { ciliumViewWords, parseCiliumArgs } from './view.ts';

describe('parseCiliumArgs', () => {
  it('parses the words after cilium, its aliases included, into a typed view', () => {
    expect(parseCiliumArgs(['c0', 'map', 'get', 'cilium_ipcache'])).toEqual({ ok: true, view: { view: 'map get', map: 'cilium_ipcache' } });
    expect(parseCiliumArgs(['bpf', 'lb', 'list', '--revnat'])).toEqual({ ok: true, view: { view: 'bpf lb list', mode: 'revnat' } });
    expect(parseCiliumArgs(['service', 'ls'])).toEqual({ ok: true, view: { view: 'service list' } });
    expect(parseCiliumArgs(['bpf', 'policy', 'get', '759', '-n'])).toEqual({ ok: true, view: { view: 'bpf policy get', args: ['759', '-n'] } });
  });

  it('names what is wrong', () => {
    expect(parseCiliumArgs(['map', 'get'])).toEqual({ ok: false, error: 'map name must be specified' });
    expect(parseCiliumArgs(['bpf', 'ct', 'list', 'local'])).toMatchObject({ ok: false, error: expect.stringContaining('global') });
    expect(parseCiliumArgs(['status', '--brief'])).toMatchObject({ ok: false, error: expect.stringContaining('unknown command "status --brief"') });
    expect(parseCiliumArgs(['status', '--verbose'])).toEqual({ ok: true, view: { view: 'status', verbose: true } });
    expect(parseCiliumArgs(['config', 'view'])).toEqual({ ok: true, view: { view: 'config view' } });
  });

  it('prints a view back as the words that give it', () => {
    for (const words of ['map get cilium_lxc', 'bpf lb list --backends', 'bpf lb list', 'bpf policy get 759 -n', 'bpf nat list']) {
      const parsed = parseCiliumArgs(words.split(' '));
      expect(parsed.ok && ciliumViewWords(parsed.view)).toBe(words);
    }
  });
});
