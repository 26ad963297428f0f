import { describe, expect, it } from 'vitest';
import { MESSAGE_PARAMS, type MessageId } from '../engine/index.ts';
import { en } from './en.ts';
import { defaultLang, dropReasonText, explainHop, explainOutcome, render, translate } from './index.ts';
import { ko } from './ko.ts';
import { MESSAGES_EN } from './messages-en.ts';
import { MESSAGES_KO } from './messages-ko.ts';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const ids = Object.keys(MESSAGE_PARAMS) as MessageId[];

describe('the message catalogs', () => {
  it('cover exactly the engine\'s message ids (the types make a missing one a compile error)', () => {
    expect(Object.keys(MESSAGES_EN).sort()).toEqual([...ids].sort());
    expect(Object.keys(MESSAGES_KO).sort()).toEqual([...ids].sort());
  });

  it('use exactly the parameters the engine lists for each id, in English and in Korean', () => {
    for (const id of ids) {
      const want = [...MESSAGE_PARAMS[id]].sort();
      expect([id, placeholders(MESSAGES_EN[id])]).toEqual([id, want]);
      expect([id, placeholders(MESSAGES_KO[id])]).toEqual([id, want]);
    }
  });

  it('render a hop in the chosen language', () => {
    const ev = { explain: { id: 'masq.reply', params: { dev: 'ens5' } } } as const;
    expect(explainHop('ko', ev)).toBe('ens5에서 SNAT 없음: conntrack에 따르면 이 패킷은 응답입니다.');
    expect(explainHop('en', ev)).toBe('On ens5, no SNAT: conntrack says this is a reply.');
  });

  it('render a nested message (an outcome\'s drop reason) in the same language', () => {
    const o = { message: { id: 'outcome.dropped', params: { packet: 1, reason: { id: 'drop.reason.133', params: {} } } } } as const;
    expect(explainOutcome('en', o)).toBe('packet 1 dropped: Policy denied');
    expect(explainOutcome('ko', o)).toBe('1번째 패킷이 드롭되었습니다: 정책에 의해 거부됨 (Policy denied)');
  });

  it('translate drop reasons by code and keep an unknown code\'s Cilium text', () => {
    expect(dropReasonText('en', { code: 181, reason: 'Policy denied by denylist' })).toBe('Policy denied by denylist');
    expect(dropReasonText('ko', { code: 151, reason: 'Stale or unroutable IP' })).toBe('오래되었거나 라우팅할 수 없는 IP (Stale or unroutable IP)');
    expect(dropReasonText('ko', { code: 999, reason: 'Something new' })).toBe('Something new');
    // Code 0 is no Cilium drop: the engine's two losses outside the cluster, each with its own words.
    expect(dropReasonText('en', { code: 0, reason: 'No route back' })).toBe('No route back');
    expect(dropReasonText('ko', { code: 0, reason: 'Lost outside the cluster' })).toBe('클러스터 밖에서 사라짐');
  });

  it('leave a placeholder with no parameter visible', () => {
    expect(render('en', { id: 'masq.reply', params: {} })).toBe('On {dev}, no SNAT: conntrack says this is a reply.');
  });
});

describe('UI strings', () => {
  it('Korean fills every key with the English placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, placeholders(ko[key])]).toEqual([key, placeholders(en[key])]);
    }
  });

  it('fills placeholders and picks the language from the browser', () => {
    expect(translate('ko', 'playback.hopOf', { n: 3, total: 9 })).toBe('9개 중 3번째 홉');
    expect(defaultLang(['ko-KR', 'en'])).toBe('ko');
    expect(defaultLang(['fr-FR', 'en-GB'])).toBe('en');
    expect(defaultLang(['de'])).toBe('en');
  });
});
