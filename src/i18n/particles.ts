/**
 * Korean particles that depend on the word before them (이/가, 을/를, 은/는,
 * 과/와, 으로/로, and the quoting copula 이라는/라는). A catalog writes the
 * pair in braces right after the word or placeholder, consonant form first:
 * `{pod}{이/가}`, `{dst}{으로/로}`. The renderer keeps one form, chosen by
 * how the text before it ENDS WHEN READ ALOUD:
 *
 * - Hangul: the last syllable's final consonant (받침); 으로/로 takes 로 after ㄹ.
 * - Digits: the Korean reading of the number's end: 1 일, 2 이, 3 삼, 4 사,
 *   5 오, 6 육, 7 칠, 8 팔, 9 구, 0 영; trailing zeros read as the unit
 *   (10 십, 100 백, 1000 천, 10000 만), so `80` is 팔십 (받침), `10.0.0.5` ends in 오.
 * - Latin (latinEnding): a word read letter by letter ends in its last letter's
 *   name (ARP 에이알피 → 피, lxc → 씨; L 엘 and R 알 end in ㄹ, M 엠 and N 엔 in a
 *   consonant); other words by the loanword's usual ending (pool 풀, table
 *   테이블, map 맵, socket 소켓, pod 파드). A heuristic, good for Cilium's names,
 *   not a pronunciation dictionary; a name ending in a digit reads by the digit (eth0, lb4).
 * - Anything else (a symbol at the end, empty text): both forms, the
 *   traditional written fallback `을(를)`.
 * Closing quotes and brackets at the end are skipped (`"{route}"{을/를}` reads the route).
 */

export const PARTICLES: Readonly<Record<string, readonly [consonant: string, vowel: string]>> = {
  '이/가': ['이', '가'],
  '을/를': ['을', '를'],
  '은/는': ['은', '는'],
  '과/와': ['과', '와'],
  '으로/로': ['으로', '로'],
  // The copula's quoting form: "netpod"이라는 파드, "webpod1"이라는 ... (일), "cache"라는.
  '이라는/라는': ['이라는', '라는'],
};

/** How a text ends when read: a vowel, ㄹ, another final consonant, or unknown. */
export type Ending = 'vowel' | 'rieul' | 'consonant' | 'unknown';

const DIGIT: Record<string, Ending> = {
  '0': 'consonant', // 영
  '1': 'rieul', // 일
  '2': 'vowel', // 이
  '3': 'consonant', // 삼
  '4': 'vowel', // 사
  '5': 'vowel', // 오
  '6': 'consonant', // 육
  '7': 'rieul', // 칠
  '8': 'rieul', // 팔
  '9': 'vowel', // 구
};

const LETTER: Record<string, Ending> = { l: 'rieul', r: 'rieul', m: 'consonant', n: 'consonant' };
const WORD_CONSONANT = new Set(['b', 'c', 'k', 'p', 'm', 'n']);

export function ending(text: string): Ending {
  const s = text.replace(/["'`)\]}>»”’\s]+$/u, '');
  const last = s.slice(-1);
  if (!last) return 'unknown';
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? 'vowel' : jong === 8 ? 'rieul' : 'consonant';
  }
  if (/\d/.test(last)) {
    const digits = /\d+$/.exec(s)?.[0] ?? last;
    const trimmed = digits.replace(/^0+(?=\d)/, '');
    const zeros = /0*$/.exec(trimmed)?.[0].length ?? 0;
    // A lone 0 is 영; otherwise trailing zeros are read as the unit: 십, 백, 천, 만, 억 all end in a consonant.
    if (zeros === 0 || trimmed === '0') return DIGIT[last] ?? 'unknown';
    return 'consonant';
  }
  if (/[a-z]/i.test(last)) return latinEnding(/[a-z]+$/i.exec(s)?.[0] ?? last);
  return 'unknown';
}

/**
 * A Latin word's last sound, as Korean readers say it. Spelled letter by letter (its last letter's name
 * decides): an all-capital word (ARP, NAT), a trailing capital run (ClusterIP → IP, eBPF → BPF), a word
 * without vowels (lxc, tcp, bpf, sk), a single letter. Otherwise the loanword's ending: -l and -le in ㄹ
 * (pool 풀, table 테이블, rule 룰); -m, -n, -ng, -me, -ne in ㅁ/ㄴ/ㅇ (map 맵, name 네임, line 라인);
 * -b, -c, -k, -p in their consonant (lookup 룩업, logic 로직); a short vowel and -t in ㅅ (socket 소켓,
 * packet 패킷, slot 슬롯, net 넷); anything else in a vowel (pod 파드, host 호스트, cache 캐시, server 서버).
 */
function latinEnding(word: string): Ending {
  const spell = (w: string): Ending => LETTER[w.slice(-1).toLowerCase()] ?? 'vowel';
  const caps = /[A-Z]{2,}$/.exec(word)?.[0];
  if (caps && (caps === word || /[a-z]/.test(word))) return spell(caps);
  const w = word.toLowerCase();
  if (w.length === 1 || !/[aeiouy]/.test(w)) return spell(w);
  if (/(l|le)$/.test(w)) return 'rieul';
  if (/(ng|me|ne)$/.test(w) || WORD_CONSONANT.has(w.slice(-1))) return 'consonant';
  if (/(^|[^aeiou])[aeo]t$/.test(w)) return 'consonant';
  return 'vowel';
}

/** The form of `pair` (a key of PARTICLES) that follows `before`. */
export function particle(before: string, pair: string): string {
  const forms = PARTICLES[pair];
  if (!forms) return `{${pair}}`;
  const [c, v] = forms;
  const e = ending(before);
  if (e === 'unknown') return `${c}(${v})`;
  if (pair === '으로/로') return e === 'consonant' ? c : v;
  return e === 'vowel' ? v : c;
}
