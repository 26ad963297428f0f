import { describe, expect, it } from 'vitest';
import { EN } from '../engine/explain/en.ts';
import { EXPLAIN_KO } from './explain-ko.ts';
import { en } from './en.ts';
import { defaultLang, explainHop, translate } from './index.ts';
import { ko } from './ko.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('Korean hop explanations', () => {
  it('cover every message id the engine can emit', () => {
    const missing = Object.keys(EN).filter((id) => !(id in EXPLAIN_KO));
    expect(missing).toEqual([]);
  });

  it('use the same placeholders as the English templates', () => {
    for (const [id, template] of Object.entries(EN)) {
      expect([id, placeholders(EXPLAIN_KO[id] ?? '')]).toEqual([id, placeholders(template)]);
    }
  });

  it('render with the event params and fall back to English for an unknown id', () => {
    const ev = { text: 'English', explain: { id: 'masq.reply', params: { dev: 'ens5' } } };
    expect(explainHop('ko', ev)).toBe('ens5에서 SNAT 없음: conntrack에 따르면 이 패킷은 응답입니다.');
    expect(explainHop('en', ev)).toBe('English');
    expect(explainHop('ko', { text: 'Only English', explain: { id: 'no.such.id', params: {} } })).toBe('Only English');
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
