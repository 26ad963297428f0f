/**
 * Translation: UI strings by key, and hop explanations by the engine's
 * message id. An explanation with no template in the chosen language falls
 * back to the event's English `text`, so a new engine message never shows blank.
 */
import type { HopEvent, TraceOutcome } from '../engine/trace.ts';
import { en, type MessageKey } from './en.ts';
import { EXPLAIN_KO } from './explain-ko.ts';
import { ko } from './ko.ts';

export type Lang = 'en' | 'ko';
export type { MessageKey };
export { kindName } from './kinds.ts';

const DICTS: Record<Lang, Record<MessageKey, string>> = { en, ko };

/** Fills `{name}` placeholders; unknown ones are left visible so a mistake shows. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return fill(DICTS[lang][key] ?? en[key], params);
}

/** The hop's one sentence in `lang`. */
export function explainHop(lang: Lang, ev: Pick<HopEvent, 'text' | 'explain'>): string {
  if (lang === 'en') return ev.text;
  const template = EXPLAIN_KO[ev.explain.id];
  return template ? fill(template, ev.explain.params) : ev.text;
}

/** The trace's outcome sentence; Korean for the three statuses, the engine's summary otherwise. */
export function explainOutcome(lang: Lang, o: TraceOutcome): string {
  if (lang === 'en') return o.summary;
  const prefix = { completed: '완료', dropped: '드롭됨', failed: '실패' }[o.status];
  return `${prefix}: ${o.summary}`;
}

/** The browser's language picks the default: Korean for ko*, English otherwise. */
export function defaultLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const tag = l.toLowerCase();
    if (tag.startsWith('ko')) return 'ko';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
