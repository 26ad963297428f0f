/**
 * Translation: one renderer for every word the page and the CLI show. UI
 * labels come by MessageKey (en.ts, ko.ts); the engine's hop sentences,
 * outcomes, drop reasons and errors come as a Message (id + params) and are
 * rendered from the catalog of the chosen language (messages-en.ts,
 * messages-ko.ts). Both catalogs are typed complete: nothing falls back.
 * Pure (no DOM), so the CLI imports it too.
 */
import { dropReason, type Message, type MessageId, type Param, type HopEvent, type TraceOutcome } from '../engine/index.ts';
import { en, type MessageKey } from './en.ts';
import { ko } from './ko.ts';
import type { Lang } from './lang.ts';
import { MESSAGES_EN } from './messages-en.ts';
import { MESSAGES_KO } from './messages-ko.ts';
import { particle } from './particles.ts';

export type { Lang, MessageKey };
export { LANGS } from './lang.ts';
export { kindName } from './kinds.ts';
export { loadLang } from './ko-on-demand.ts';

const DICTS: Record<Lang, Record<MessageKey, string>> = { en, ko };
const CATALOGS: Record<Lang, Record<MessageId, string>> = { en: MESSAGES_EN, ko: MESSAGES_KO };

/**
 * Fills `{name}` placeholders: a nested message is rendered in the same
 * language; an unknown placeholder is left visible so a mistake shows.
 * A Korean particle pair in braces (`{pod}{이/가}`, particles.ts) becomes the
 * form that fits the text rendered just before it.
 */
function fill(lang: Lang, template: string, params: Readonly<Record<string, Param>>): string {
  let out = '';
  let at = 0;
  for (const m of template.matchAll(/\{(\w+)\}|\{([가-힣]+\/[가-힣]+)\}/g)) {
    out += template.slice(at, m.index);
    at = m.index + m[0].length;
    const [whole, key, pair] = m;
    if (pair !== undefined) {
      out += particle(out, pair);
      continue;
    }
    const v = key === undefined ? undefined : params[key];
    out += v === undefined ? whole : typeof v === 'object' ? render(lang, v) : String(v);
  }
  return out + template.slice(at);
}

/** An engine message (hop sentence, outcome, drop reason, error) in `lang`. */
export function render(lang: Lang, m: Message): string {
  return fill(lang, CATALOGS[lang][m.id], m.params);
}

/** A UI label in `lang`. */
export function translate(lang: Lang, key: MessageKey, params: Readonly<Record<string, Param>> = {}): string {
  return fill(lang, DICTS[lang][key], params);
}

/** The hop's one sentence in `lang`. */
export const explainHop = (lang: Lang, ev: Pick<HopEvent, 'explain'>): string => render(lang, ev.explain);

/** The trace's outcome sentence in `lang`. */
export const explainOutcome = (lang: Lang, o: Pick<TraceOutcome, 'message'>): string => render(lang, o.message);

/** A drop's reason in `lang` (Hubble and the CLI tables keep Cilium's English `drop.reason`). */
export const dropReasonText = (lang: Lang, drop: { code: number; reason: string }): string => render(lang, dropReason(drop));

/**
 * A located problem (a scenario's load issue, a Hubble file's line) in `lang`:
 * its words when it has them, else its English line (a few UI-made issues).
 */
export const issueMessage = (lang: Lang, issue: { message: string; text?: Message; says?: Message }): string => {
  const words = issue.text ?? issue.says;
  return words ? render(lang, words) : issue.message;
};

/** The browser's language picks the default: Korean for ko*, English otherwise. */
export function defaultLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const tag = l.toLowerCase();
    if (tag.startsWith('ko')) return 'ko';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
