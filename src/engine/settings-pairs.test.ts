import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSettingsPairs, parseSettingsSpec, settingsPairsText } from './settings-pairs.ts';

describe('settings pairs', () => {
  it('reads key=value and key:value pairs, comma-separated, over several strings', () => {
    expect(parseSettingsPairs('routing-mode:tunnel, tunnel-protocol = geneve')).toEqual({ ok: true, settings: { 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' } });
    expect(parseSettingsPairs(['bpf-lb-sock=false', 'enable-ip-masq-agent:false,'])).toEqual({ ok: true, settings: { 'bpf-lb-sock': 'false', 'enable-ip-masq-agent': 'false' } });
    expect(parseSettingsPairs(['a=1', 'a=2'])).toEqual({ ok: true, settings: { a: '2' } });
    expect(parseSettingsPairs([])).toEqual({ ok: true, settings: {} });
    expect(parseSettingsPairs('')).toEqual({ ok: true, settings: {} });
  });

  it('splits at the first separator, so a value may hold = or :', () => {
    expect(parseSettingsPairs('hubble-listen-address=:4244')).toEqual({ ok: true, settings: { 'hubble-listen-address': ':4244' } });
  });

  it('names the pair that is wrong', () => {
    expect(parseSettingsPairs('routing-mode=tunnel,bpf-lb-sock')).toMatchObject({ ok: false, error: '"bpf-lb-sock" is not key=value (or key:value)' });
    expect(parseSettingsPairs(['=tunnel'])).toMatchObject({ ok: false, error: '"=tunnel" has no key before its "="' });
    expect(parseSettingsPairs('routing-mode:')).toMatchObject({ ok: false, error: '"routing-mode:" has no value after its ":"' });
  });

  it('reads a compare spec: a mode preset or pairs, never nothing', () => {
    expect(parseSettingsSpec(' kube-proxy ')).toMatchObject({ ok: true, settings: { 'kube-proxy-replacement': 'false', 'enable-bpf-masquerade': 'false' } });
    expect(parseSettingsSpec('routing-mode:tunnel,tunnel-protocol=geneve')).toEqual({ ok: true, settings: { 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' } });
    expect(parseSettingsSpec('tunnel')).toMatchObject({ ok: false, error: expect.stringMatching(/^"tunnel" is not key=value .*; give key=value pairs or a mode \(.*tunnel-vxlan/) });
    expect(parseSettingsSpec(' ')).toMatchObject({ ok: false, error: expect.stringMatching(/^no settings given/) });
  });

  it('reads back what it writes, with either separator', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
    const value = fc.stringMatching(/^[A-Za-z0-9./:=-]{1,12}$/).filter((v) => v.trim() === v);
    fc.assert(fc.property(fc.dictionary(key, value), fc.constantFrom<'=' | ':'>('=', ':'), (settings, sep) => {
      expect(parseSettingsPairs(settingsPairsText(settings, sep))).toEqual({ ok: true, settings: { ...settings } });
    }));
  });

});
