/**
 * Splits a command string the way a POSIX shell splits words for the simple
 * cases `--after "..."` needs: whitespace separates, single and double quotes
 * group, a backslash escapes the next character outside single quotes.
 */
import { UserError } from './errors.ts';

export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new UserError(`unterminated ${quote} quote in "${text}"`);
  if (inWord) words.push(word);
  return words;
}
