import { describe, expect, it } from 'vitest';
import { effectiveSwitches } from '../../worker/summary.ts';
import { CONFIG } from '../../worker/fixture.test-helper.ts';
import { currentMode, modeSettings, routingChoice, withRouting, withSwitch } from './settingsChoices.ts';

const config = effectiveSwitches(CONFIG);

describe('settings choices', () => {
  it('names the mode preset the overrides are, or custom', () => {
    expect(currentMode({})).toBe('scenario');
    expect(currentMode(modeSettings('kube-proxy'))).toBe('kube-proxy');
    expect(currentMode({ 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' })).toBe('tunnel-geneve');
    expect(currentMode({ 'bpf-lb-sock': 'false', 'routing-mode': 'tunnel' })).toBe('custom');
  });

  it('turns kube-proxy replacement off with the keys the agent needs off, and back', () => {
    const off = withSwitch({ 'routing-mode': 'tunnel' }, config, 'kube-proxy-replacement', false);
    expect(off).toEqual({ 'routing-mode': 'tunnel', ...modeSettings('kube-proxy') });
    expect(withSwitch(off, config, 'kube-proxy-replacement', true)).toEqual({ 'routing-mode': 'tunnel' });
    // A scenario that runs kube-proxy itself needs the key said out loud.
    expect(withSwitch({}, { ...config, 'kube-proxy-replacement': 'false' }, 'kube-proxy-replacement', true)).toEqual({ 'kube-proxy-replacement': 'true' });
  });

  it('turns BPF masquerade on with ip-masq-agent when it is off', () => {
    expect(withSwitch({}, { ...config, 'enable-bpf-masquerade': 'false' }, 'enable-ip-masq-agent', true)).toEqual({ 'enable-ip-masq-agent': 'true', 'enable-bpf-masquerade': 'true' });
    expect(withSwitch({}, config, 'bpf-lb-sock', false)).toEqual({ 'bpf-lb-sock': 'false' });
  });

  it('sets routing mode and tunnel protocol together', () => {
    expect(withRouting({ 'bpf-lb-sock': 'false' }, 'geneve')).toEqual({ 'bpf-lb-sock': 'false', 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' });
    expect(withRouting({ 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' }, 'native')).toEqual({ 'routing-mode': 'native' });
    expect(routingChoice({ ...config, 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' })).toBe('geneve');
    expect(routingChoice(config)).toBe('native');
  });
});
