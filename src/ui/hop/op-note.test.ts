import { describe, expect, it } from 'vitest';
import { message } from '../../engine/index.ts';
import { opNote } from './op-note.ts';

describe('opNote', () => {
  it('says the engine\'s words in the page\'s language, Cilium names untranslated', () => {
    const op = { note: 'slot 2 of 2', noteWords: message('note.slot', { slot: 2, count: 2 }) };
    expect(opNote('en', op)).toBe('slot 2 of 2');
    expect(opNote('ko', op)).toBe('슬롯 2/2');
    const master = { note: 'lb4_lookup_service: the master entry', noteWords: message('note.sock.master') };
    expect(opNote('ko', master)).toBe('lb4_lookup_service: 마스터 항목');
  });

  it('falls back to the English note when the engine gave no words', () => {
    expect(opNote('ko', { note: 'something' })).toBe('something');
    expect(opNote('ko', {})).toBeUndefined();
  });
});
