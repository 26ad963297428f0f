/**
 * Why a map op happened, in the page's language: the engine's words
 * (MapOp.noteWords) when it gave them, else its English note (the CLI's).
 */
import type { MapOp } from '../../engine/index.ts';
import { render, type Lang } from '../../i18n/index.ts';

export function opNote(lang: Lang, op: Pick<MapOp, 'note' | 'noteWords'>): string | undefined {
  return op.noteWords ? render(lang, op.noteWords) : op.note;
}
