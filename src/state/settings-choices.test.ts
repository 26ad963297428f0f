import { describe, expect, it } from 'vitest';
import { effectiveSwitches } from '../worker/summary.ts';
import { CONFIG } from '../worker/fixture.test-helper.ts';
import { currentMode, modeSettings, prune, routingChoice, withRouting, withSwitch } from './settings-choices.ts';

const config = effectiveSwitches(CONFIG);

describe('settings choices', () => {
  it('names the mode preset the overrides are, or custom', () => {
    expect(currentMode({})).toBe('scenario');
    expect(currentMode(modeSettings('kube-proxy'))).toBe('kube-proxy');
    expect(currentMode({ 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' })).toBe('tunnel-geneve');
    expect(currentMode({ 'bpf-lb-sock': 'false', 'routing-mode': 'tunnel' })).toBe('custom');
    // tunnel-protocol vxlan is the scenario's (and Cilium's) default: pruned, still the VXLAN preset.
    expect(currentMode({ 'routing-mode': 'tunnel' }, config)).toBe('tunnel-vxlan');
  });

  it('turns kube-proxy replacement off with the keys the agent needs off, and back', () => {
    const off = withSwitch({ 'routing-mode': 'tunnel' }, config, 'kube-proxy-replacement', false);
    expect(off).toEqual({ 'routing-mode': 'tunnel', ...modeSettings('kube-proxy') });
    expect(prune(withSwitch(off, config, 'kube-proxy-replacement', true), config)).toEqual({ 'routing-mode': 'tunnel' });
    // A scenario that runs kube-proxy itself keeps the key said out loud.
    const kubeProxyScenario = { ...config, 'kube-proxy-replacement': 'false' };
    expect(prune(withSwitch({}, kubeProxyScenario, 'kube-proxy-replacement', true), kubeProxyScenario)).toEqual({ 'kube-proxy-replacement': 'true' });
  });

  it('turns BPF masquerade on with ip-masq-agent when it is off', () => {
    expect(withSwitch({}, { ...config, 'enable-bpf-masquerade': 'false' }, 'enable-ip-masq-agent', true)).toEqual({ 'enable-ip-masq-agent': 'true', 'enable-bpf-masquerade': 'true' });
    expect(withSwitch({}, config, 'bpf-lb-sock', false)).toEqual({ 'bpf-lb-sock': 'false' });
  });

  it('drops overrides equal to the scenario, keeps keys it does not describe', () => {
    expect(prune({ 'routing-mode': 'native', 'bpf-lb-sock': 'false', 'bpf-lb-algorithm': 'maglev' }, config)).toEqual({ 'bpf-lb-sock': 'false', 'bpf-lb-algorithm': 'maglev' });
    expect(currentMode(prune(withRouting({ 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' }, 'native'), config))).toBe('scenario');
  });

  it('sets routing mode and tunnel protocol together', () => {
    expect(withRouting({ 'bpf-lb-sock': 'false' }, 'geneve')).toEqual({ 'bpf-lb-sock': 'false', 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' });
    expect(withRouting({ 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' }, 'native')).toEqual({ 'routing-mode': 'native' });
    expect(routingChoice({ ...config, 'routing-mode': 'tunnel', 'tunnel-protocol': 'geneve' })).toBe('geneve');
    expect(routingChoice(config)).toBe('native');
  });
});
