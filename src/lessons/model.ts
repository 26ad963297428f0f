/**
 * A lesson (issue #7): a short walk through the write-up's story as stops.
 * Each stop names a view the page can open (scenario, flow, settings, an
 * optional compare), a hop by what it is (never by number, so an engine that
 * adds a hop does not move the lesson), the evidence to put on screen, and a
 * caption in English and Korean. Lessons are data (public/lessons/*.yaml),
 * read by parse.ts; this file holds only their shape.
 */
import type { FlowProto, HopKind, MapName } from '../engine/index.ts';

/** Words a lesson gives in both of the page's languages. */
export interface Words {
  en: string;
  ko: string;
}

/**
 * A hop by what it is: its kind, its BPF program, its sentence's message id,
 * its node or interface; the nth hop (from 1) that matches all given fields.
 */
export interface HopSelector {
  kind?: HopKind;
  program?: string;
  message?: string;
  node?: string;
  iface?: string;
  direction?: 'request' | 'reply';
  nth: number;
}

/** A capture view's claim: lines that must show a text, or never show one. */
export interface LineClaim {
  /** The lines up to the stop's hop contain this text. */
  shows?: string;
  /** No line of the whole conversation contains this text ("tcpdump on eth0 never sees the VIP"). */
  lacks?: string;
}

/** What to put on screen at a stop. */
export interface Evidence {
  /** The map rows the hop read or wrote, first map's tab shown; `key`: a text the lit rows' keys contain. */
  maps?: { names: MapName[]; key?: string };
  strace?: LineClaim;
  /** tcpdump on a pod's eth0 (`netpod`) or a node's interface (`k8s-s:ens5`), as `--iface` takes it. */
  tcpdump?: LineClaim & { at: string };
  hubble?: LineClaim;
  /** A command for the page's terminal (`kubectl exec netpod -- ip -c neigh`). */
  terminal?: string;
}

export interface LessonFlow {
  from: string;
  to: string;
  proto: FlowProto;
  port?: number;
}

export interface Stop {
  scenario: string;
  flow: LessonFlow;
  /** cilium-config overrides, the same pairs the URL's `set=` carries. */
  settings: Record<string, string>;
  /** Side B of the compare view (a mode preset id or `key:value,...`), as the URL's `compare=`. */
  compare?: string;
  hop: HopSelector;
  evidence: Evidence;
  caption: Words;
  /** 1-based line of the stop in its file (for the checker's messages). */
  line: number;
}

export interface Lesson {
  id: string;
  title: Words;
  /** The menu's order (smaller first; then id). */
  order: number;
  stops: Stop[];
}

/** A located problem: `lesson socket-lb, stop 2, hop.kind (line 14): ...` */
export interface LessonIssue {
  lesson: string;
  stop?: number;
  field?: string;
  line?: number;
  message: string;
}

export function issueText(i: LessonIssue): string {
  const at = [`lesson ${i.lesson}`, i.stop !== undefined ? `stop ${i.stop}` : '', i.field ?? ''].filter(Boolean).join(', ');
  return `${at}${i.line !== undefined ? ` (line ${i.line})` : ''}: ${i.message}`;
}
