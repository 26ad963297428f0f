/**
 * Predict mode's question at a hop, chosen from real traces (pure, seeded,
 * no DOM): the right answer is the main trace's hop; each wrong choice is
 * what the same flow does at the same point under another configuration
 * (an alternative trace from the worker). A distractor is kept only when it
 * truly differs from the right answer; with none, there is no question.
 */
import { createRng, hopDirection, hopPacketId, type HopEvent, type MapName, type Trace } from '../../engine/index.ts';
import type { Variant, VariantLabel } from './variants.ts';

export type QuestionKind = 'place' | 'map' | 'packet';
export const QUESTION_KINDS: readonly QuestionKind[] = ['place', 'packet', 'map'];

/** The same flow traced under another configuration (the worker's answer to `alternatives`). */
export interface Alternative {
  variant: Pick<Variant, 'id' | 'label'>;
  trace: Trace;
}

/** Where the packet goes; `drop` when it ends there (a policy verdict under enable-policy=always, say). */
export interface PlaceAnswer { kind: 'place'; node: string; iface: string; program: string; drop?: { code: number; reason: string } }
export interface MapAnswer { kind: 'map'; maps: MapName[] }
/** The packet after the hop (a socket hop: the peer connect()/sendmsg() leaves with). */
export interface PacketAnswer {
  kind: 'packet';
  src: string;
  dst: string;
  proto: string;
  srcMac?: string;
  dstMac?: string;
  outer?: { encap: string; src: string; dst: string; vni: number };
  /** Set for a socket hop: no packet exists there. */
  call?: string;
}
export type Answer = PlaceAnswer | MapAnswer | PacketAnswer;

export interface Choice {
  answer: Answer;
  right: boolean;
  /** The configurations whose trace has this answer at this point (for the right one: others that agree). */
  from: VariantLabel[];
  /** Ids of those configurations (tests check each against its trace). */
  fromIds: string[];
}

export interface Question {
  /** Index of the hop the class predicts (the cursor stands on hop - 1). */
  hop: number;
  kind: QuestionKind;
  choices: Choice[];
}

const MAX_CHOICES = 4;

const hostPort = (ip: string, port: number | undefined) => (port === undefined ? ip : `${ip}:${port}`);

/** What the class is asked, read from one hop. */
export function answerOf(ev: HopEvent, kind: QuestionKind): Answer {
  if (kind === 'place') {
    const drop = ev.drop ?? (ev.verdict === 'DROPPED' || ev.kind === 'drop' ? { code: 0, reason: '' } : undefined);
    return { kind, node: ev.node, iface: ev.iface, program: ev.program, ...(drop ? { drop: { code: drop.code, reason: drop.reason } } : {}) };
  }
  if (kind === 'map') {
    const maps = [...new Set(ev.maps.filter((m) => m.op === 'lookup').map((m) => m.map))].sort();
    return { kind, maps };
  }
  const p = ev.packet;
  if (!p) {
    const c = ev.socket;
    return { kind, src: c?.local.ip ?? '', dst: c ? hostPort(c.peerAfter.ip, c.peerAfter.port) : '', proto: c?.proto ?? '', call: c?.call ?? 'socket' };
  }
  const src = p.proto === 'ARP' && p.arp ? p.arp.senderIp : hostPort(p.src, p.sport);
  const dst = p.proto === 'ARP' && p.arp ? p.arp.targetIp : hostPort(p.dst, p.dport);
  const o = p.outer;
  return {
    kind,
    src,
    dst,
    proto: p.proto === 'ARP' && p.arp ? `ARP ${p.arp.op}` : p.proto,
    ...(p.srcMac ? { srcMac: p.srcMac } : {}),
    ...(p.dstMac ? { dstMac: p.dstMac } : {}),
    ...(o ? { outer: { encap: o.encap, src: o.src, dst: o.dst, vni: o.vni } } : {}),
  };
}

/** Two answers are the same choice when their keys are equal. */
export function answerKey(a: Answer): string {
  if (a.kind === 'place') return `${a.node}/${a.iface}/${a.program}${a.drop ? ` drop ${a.drop.code}` : ''}`;
  if (a.kind === 'map') return a.maps.join(',');
  const o = a.outer ? ` outer ${a.outer.encap} ${a.outer.src}>${a.outer.dst} vni ${a.outer.vni}` : '';
  return `${a.call ?? ''} ${a.src}>${a.dst} ${a.proto} ${a.srcMac ?? ''}>${a.dstMac ?? ''}${o}`;
}

/** Where a hop stands, ignoring the packet's addresses: which packet, which way, what, where. */
const position = (e: HopEvent) => `${hopPacketId(e)}:${hopDirection(e)}:${e.kind}@${e.node}/${e.iface}`;

/**
 * The hop an alternative trace takes after the point the main trace has
 * reached (`hop - 1`): found by position (the n-th hop at the same packet,
 * direction, kind and place), so it answers "from here, what would that
 * configuration do next". Undefined when that configuration never stands
 * here (its path went elsewhere earlier) or ends here.
 */
export function nextHopIn(main: Trace, alt: Trace, hop: number): HopEvent | undefined {
  if (hop <= 0) return alt.events[0];
  const here = main.events[hop - 1];
  if (!here) return undefined;
  const pos = position(here);
  let nth = 0;
  for (let i = 0; i < hop - 1; i++) if (position(main.events[i] as HopEvent) === pos) nth++;
  for (let j = 0; j < alt.events.length; j++) {
    if (position(alt.events[j] as HopEvent) !== pos) continue;
    if (nth-- === 0) return alt.events[j + 1];
  }
  return undefined;
}

/** A 32-bit FNV-1a hash, to seed the question's generator from the flow and the hop. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

interface Candidate {
  kind: QuestionKind;
  right: Choice;
  wrong: Choice[];
}

function candidate(main: Trace, alts: readonly Alternative[], hop: number, kind: QuestionKind): Candidate | undefined {
  const ev = main.events[hop];
  if (!ev) return undefined;
  const right: Choice = { answer: answerOf(ev, kind), right: true, from: [], fromIds: [] };
  const rightKey = answerKey(right.answer);
  const wrong = new Map<string, Choice>();
  for (const alt of alts) {
    const other = nextHopIn(main, alt.trace, hop);
    if (!other) continue;
    const answer = answerOf(other, kind);
    const key = answerKey(answer);
    const choice = key === rightKey ? right : wrong.get(key) ?? { answer, right: false, from: [], fromIds: [] };
    choice.from.push(alt.variant.label);
    choice.fromIds.push(alt.variant.id);
    if (key !== rightKey) wrong.set(key, choice);
  }
  return wrong.size ? { kind, right, wrong: [...wrong.values()] } : undefined;
}

/**
 * The question for `hop` (the class stands on hop - 1), or undefined when no
 * other configuration does anything different there (the page says so and
 * shows the hop). The kind asked is the one with the most distinct wrong
 * answers (ties: place, packet, map); at most three distractors, those
 * named by the most configurations first; the order of the choices comes
 * from `seed` and the hop, so the same link always asks the same question.
 */
export function predictQuestion(main: Trace, alts: readonly Alternative[], hop: number, seed = 0): Question | undefined {
  let best: Candidate | undefined;
  for (const kind of QUESTION_KINDS) {
    const c = candidate(main, alts, hop, kind);
    if (c && (!best || c.wrong.length > best.wrong.length)) best = c;
  }
  if (!best) return undefined;
  const rng = createRng(hash(`${seed}|${main.flow.from}|${main.flow.to}|${main.flow.proto}|${main.flow.port ?? ''}|${hop}`));
  const wrong = [...best.wrong].sort((a, b) => b.from.length - a.from.length).slice(0, MAX_CHOICES - 1);
  return { hop, kind: best.kind, choices: shuffle([best.right, ...wrong], rng.u32) };
}
