import { describe, expect, it } from 'vitest';
import { translate, type Lang } from '../../i18n/index.ts';
import type { T } from '../app/context.tsx';
import { answerLines, configsText, configText } from './predict-text.ts';

const tr = (lang: Lang): T => (key, params) => translate(lang, key, params);

describe('predict mode in words', () => {
  it('names each configuration as the settings bar does, in English and Korean', () => {
    const en = tr('en');
    const ko = tr('ko');
    expect(configText(en, { kind: 'routing', choice: 'vxlan' })).toBe('tunnel routing (vxlan)');
    expect(configText(en, { kind: 'routing', choice: 'native' })).toBe('native routing');
    expect(configText(en, { kind: 'switch', key: 'bpf-lb-sock', on: false })).toBe('socket LB off');
    expect(configText(ko, { kind: 'switch', key: 'kube-proxy-replacement', on: false })).toBe('kube-proxy 대체 끔');
    expect(configText(ko, { kind: 'mode', id: 'netkit' })).toBe('netkit 장치 (veth 대신)');
    expect(configsText(en, [{ kind: 'policy', value: 'always' }, { kind: 'routing', choice: 'geneve' }])).toBe('enable-policy=always · tunnel routing (geneve)');
    expect(ko('predict.from', { configs: configText(ko, { kind: 'routing', choice: 'vxlan' }) })).toBe('터널 라우팅 (vxlan) 설정이라면 Cilium은 이렇게 합니다.');
  });

  it('shows a packet with its MACs and outer header, an L3 device without MACs, a socket call and a drop', () => {
    const en = tr('en');
    const ko = tr('ko');
    expect(answerLines(en, 'en', {
      kind: 'packet', src: '172.16.0.79:46731', dst: '172.16.2.253:80', proto: 'TCP', srcMac: 'aa', dstMac: 'bb',
      outer: { encap: 'vxlan', src: '192.168.10.10', dst: '192.168.10.102', vni: 26332 },
    })).toEqual(['172.16.0.79:46731 → 172.16.2.253:80 TCP', 'outer VXLAN 192.168.10.10 → 192.168.10.102, VNI 26332', 'MAC aa → bb']);
    expect(answerLines(en, 'en', { kind: 'packet', src: 'a', dst: 'b', proto: 'TCP' })[1]).toBe('no Ethernet header (an L3 device)');
    // 으로/로 after how the port reads: 80 팔십 ends in a consonant (으로), 2 이 in a vowel (로).
    expect(answerLines(ko, 'ko', { kind: 'packet', src: '', dst: '172.16.2.253:80', proto: 'TCP', call: 'connect' })).toEqual(['connect(): 소켓의 목적지가 172.16.2.253:80으로 바뀜']);
    expect(answerLines(ko, 'ko', { kind: 'packet', src: '', dst: '10.0.0.1:2', proto: 'UDP', call: 'sendmsg' })).toEqual(['sendmsg(): 소켓의 목적지가 10.0.0.1:2로 바뀜']);
    expect(answerLines(en, 'en', { kind: 'map', maps: [] })).toEqual(['no map is read']);
    const drop = answerLines(ko, 'ko', { kind: 'place', node: 'k8s-w1', iface: 'lxc1', program: 'cil_to_container', drop: { code: 133, reason: 'Policy denied' } });
    expect(drop[0]).toBe('k8s-w1 · lxc1 · cil_to_container');
    expect(drop[1]).toMatch(/^✕ 여기서 버려짐: .+ \(133\)$/);
  });
});
