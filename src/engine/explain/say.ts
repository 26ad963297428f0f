/**
 * Hop explanations as message ids with parameters: the engine fills in the
 * English text, the UI renders the same id in the reader's language.
 */
import type { Explanation } from '../trace.ts';
import { EN } from './en.ts';

export type MessageId = keyof typeof EN;

export function render(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function say(id: MessageId, params: Record<string, string | number> = {}): { text: string; explain: Explanation } {
  return { text: render(EN[id], params), explain: { id, params } };
}
