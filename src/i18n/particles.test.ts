import { describe, expect, it } from 'vitest';
import { render, translate } from './index.ts';
import { ko } from './ko.ts';
import { MESSAGES_KO } from './messages-ko.ts';
import { ending, particle } from './particles.ts';

describe('Korean particles follow the sound the word before ends in', () => {
  it('reads a Hangul syllable\'s final consonant (받침), with ㄹ apart for 으로/로', () => {
    expect(particle('파드', '이/가')).toBe('가');
    expect(particle('엔드포인트 서비스', '을/를')).toBe('를');
    expect(particle('슬롯', '은/는')).toBe('은');
    expect(particle('백엔드', '과/와')).toBe('와');
    expect(particle('집', '으로/로')).toBe('으로');
    expect(particle('서울', '으로/로')).toBe('로');
    expect(particle('노드', '으로/로')).toBe('로');
  });

  it('reads numbers the Korean way: the last digit, or the unit of trailing zeros', () => {
    expect(particle('슬롯 2', '이/가')).toBe('가'); // 이
    expect(particle('identity 256', '을/를')).toBe('을'); // 육
    expect(particle('3', '이/가')).toBe('이'); // 삼
    expect(particle('1', '이/가')).toBe('이'); // 일
    expect(particle('1', '으로/로')).toBe('로'); // 일 ends in ㄹ
    expect(particle('8', '으로/로')).toBe('로'); // 팔
    expect(particle('5', '을/를')).toBe('를'); // 오
    expect(particle('9', '은/는')).toBe('는'); // 구
    expect(particle('80', '으로/로')).toBe('으로'); // 팔십
    expect(particle('100', '이/가')).toBe('이'); // 백
    expect(particle('0', '이/가')).toBe('이'); // 영
    expect(particle('10.10.252.133', '으로/로')).toBe('으로'); // ...삼
    expect(particle('10.10.252.135', '으로/로')).toBe('로'); // ...오
    expect(particle('10.0.1.10:80', '을/를')).toBe('을');
  });

  it('spells capital words and reads other Latin words by their last letter (documented heuristic)', () => {
    expect(particle('ARP', '을/를')).toBe('를'); // 피
    expect(particle('URL', '이/가')).toBe('이'); // 엘
    expect(particle('URL', '으로/로')).toBe('로');
    expect(particle('VM', '은/는')).toBe('은'); // 엠
    expect(particle('netpod', '이/가')).toBe('가'); // 넷파드
    expect(particle('cilium_host', '으로/로')).toBe('로');
    expect(particle('bpf map', '을/를')).toBe('을'); // 맵
    expect(particle('pool', '으로/로')).toBe('로'); // 풀
    expect(particle('ens5', '으로/로')).toBe('로'); // 오
    expect(particle('eth0', '으로/로')).toBe('으로'); // 영
  });

  it('spells lower-case letter names and trailing capitals, and reads loanword endings (ㄹ, ㅁ/ㄴ, ㅅ)', () => {
    expect(particle('bpf_lxc', '이/가')).toBe('가'); // 엘엑스씨
    expect(particle('cilium_lb4_reverse_sk', '을/를')).toBe('를'); // 에스케이
    expect(particle('tcp', '으로/로')).toBe('로'); // 티씨피
    expect(particle('ClusterIP', '은/는')).toBe('는'); // 클러스터아이피
    expect(particle('eBPF', '으로/로')).toBe('로'); // 이비피에프
    expect(particle('iptables', '을/를')).toBe('를'); // 아이피테이블즈
    expect(particle('table', '이/가')).toBe('이'); // 테이블
    expect(particle('rule', '으로/로')).toBe('로'); // 룰
    expect(particle('name', '을/를')).toBe('을'); // 네임
    expect(particle('socket', '을/를')).toBe('을'); // 소켓
    expect(particle('cilium_net', '으로/로')).toBe('으로'); // 넷
    expect(particle('slot', '이/가')).toBe('이'); // 슬롯
    expect(particle('root', '이/가')).toBe('가'); // 루트
    expect(particle('endpoint', '과/와')).toBe('와'); // 엔드포인트
    expect(particle('webpod', '과/와')).toBe('와');
    expect(particle('cilium_vxlan', '으로/로')).toBe('으로'); // 브이엑스랜
    expect(particle('Geneve', '으로/로')).toBe('로'); // 제네브
    expect(particle('NodePort', '을/를')).toBe('를'); // 노드포트
  });

  it('skips closing quotes and brackets, and writes both forms when the end cannot be read', () => {
    expect(particle('"10.1.0.0/16 via 192.168.10.102"', '을/를')).toBe('를');
    expect(particle('(파드)', '이/가')).toBe('가');
    expect(particle('→', '을/를')).toBe('을(를)');
    expect(particle('"webpod1"', '이라는/라는')).toBe('이라는');
    expect(particle('"cache"', '이라는/라는')).toBe('라는');
    expect(ending('')).toBe('unknown');
  });

  it('are chosen by the renderer after the placeholder is filled', () => {
    const slot = (n: number) => render('ko', { id: 'sock.sendmsg', params: { vip: '10.96.0.10', port: 53, count: 2, slot: n, backend: 1, addr: '10.0.1.5', bport: 53 } });
    expect(slot(2)).toContain('슬롯 2가');
    expect(slot(1)).toContain('슬롯 1이');
    expect(slot(2)).not.toMatch(/\{[^}]*\/[^}]*\}/);
  });

  it('leave English text alone', () => {
    expect(translate('en', 'flow.go')).not.toContain('{');
  });
});

describe('the Korean catalogs', () => {
  it('never write a fixed particle right after a placeholder: the pair lets the renderer choose', () => {
    const fixed = /\}"?(이|가|을|를|은|는|와|과|으로|로|라는)(?![가-힣])/u;
    const bad = [...Object.entries(MESSAGES_KO), ...Object.entries(ko)].filter(([, text]) => fixed.test(text)).map(([id]) => id);
    expect(bad).toEqual([]);
  });

  it('only use particle pairs the renderer knows', () => {
    for (const text of [...Object.values(MESSAGES_KO), ...Object.values(ko)]) {
      for (const m of text.matchAll(/\{([가-힣]+\/[가-힣]+)\}/gu)) expect(particle('파드', m[1] ?? '')).not.toContain('{');
    }
  });
});
