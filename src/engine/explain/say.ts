/**
 * Hop explanations as message ids with parameters: the engine fills in the
 * English text, the UI renders the same id in the reader's language.
 */
import type { Explanation } from '../trace.ts';
import { EN } from './en.ts';

export type MessageId = keyof typeof EN;

/** A template split once into literal parts and parameter names (a trace renders ~70 of them). */
type Compiled = (string | { param: string })[];
const compiledCache = new Map<string, Compiled>();

function compile(template: string): Compiled {
  let c = compiledCache.get(template);
  if (!c) {
    c = template.split(/(\{\w+\})/).map((part) => (/^\{\w+\}$/.test(part) ? { param: part.slice(1, -1) } : part));
    compiledCache.set(template, c);
  }
  return c;
}

export function render(template: string, params: Record<string, string | number>): string {
  let out = '';
  for (const part of compile(template)) {
    if (typeof part === 'string') out += part;
    else out += part.param in params ? String(params[part.param]) : `{${part.param}}`;
  }
  return out;
}

export function say(id: MessageId, params: Record<string, string | number> = {}): { text: string; explain: Explanation } {
  return { text: render(EN[id], params), explain: { id, params } };
}
