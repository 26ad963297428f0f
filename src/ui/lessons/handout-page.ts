/**
 * What one handout page holds for a stop, taken from the trace (the hop's
 * sentence, its map rows, the tcpdump and strace lines up to it) and from
 * the page (the drawing as SVG, Hubble's and the terminal's output).
 */
import { straceLines, tcpdumpLines, type CaptureTarget, type Trace } from '../../engine/index.ts';
import { explainHop, render, type Lang } from '../../i18n/index.ts';
import { opNote } from '../hop/op-note.ts';
import { rawValue } from '../panels/decode.ts';
import type { Lesson, Stop } from '../../lessons/model.ts';
import type { ScenarioSummary } from '../../worker/summary.ts';

export interface EvidenceBlock {
  /** The command or map that printed the lines (`tcpdump -n -i eth0 (default/netpod)`). */
  head: string;
  lines: string[];
}

export interface HandoutPage {
  k: number;
  caption: string;
  hop: string;
  hopNumber: number;
  svgs: string[];
  evidence: EvidenceBlock[];
  stop: Stop;
}

function captureTarget(summary: ScenarioSummary | undefined, at: string): CaptureTarget | undefined {
  if (!summary) return undefined;
  const colon = at.lastIndexOf(':');
  const node = colon > 0 ? summary.nodes.find((n) => n.name === at.slice(0, colon)) : undefined;
  if (node) return { kind: 'device', node: node.name, iface: at.slice(colon + 1) };
  const name = at.replace(/:eth0$/, '');
  const pod = summary.nodes.flatMap((n) => n.pods).find((p) => p.key === name || p.key === `default/${name}`);
  return pod && { kind: 'pod', node: pod.node, pod: pod.key, podIp: pod.ip };
}

/** The drawing's markup without inline styles (the page's CSP allows only its stylesheet; the classes carry the look). */
function svgCopy(svg: Element): string {
  const copy = svg.cloneNode(true) as Element;
  for (const el of [copy, ...Array.from(copy.querySelectorAll('[style]'))]) el.removeAttribute('style');
  return copy.outerHTML;
}

const text = (selector: string) => document.querySelector(selector)?.textContent?.split('\n').filter(Boolean) ?? [];

export function handoutPage(
  lesson: Lesson, k: number, lang: Lang, trace: Trace | undefined, step: number, summary: ScenarioSummary | undefined,
): HandoutPage {
  const stop = lesson.stops[k] as Stop;
  const ev = trace?.events[step];
  const evidence: EvidenceBlock[] = [];
  const e = stop.evidence;
  if (e.maps && ev) {
    for (const map of e.maps.names) {
      const rows = ev.maps.filter((o) => o.map === map).map((o) => {
        // The Cilium part raw; the policy origin and the note in the handout's language.
        const origin = o.map === 'cilium_policy' && o.words ? ` (${render(lang, o.words)})` : '';
        const note = opNote(lang, o);
        return `${o.op} ${o.key} → ${rawValue(o) ?? '(none)'}${origin}${note ? `  # ${note}` : ''}`;
      });
      evidence.push({ head: `${map} (${ev.node})`, lines: rows });
    }
  }
  if (e.strace && trace) {
    evidence.push({ head: 'strace -e trace=network', lines: straceLines(trace.events, step).map((l) => l.line) });
  }
  if (e.tcpdump && trace) {
    const target = captureTarget(summary, e.tcpdump.at);
    const where = target?.kind === 'pod' ? `eth0 (${target.pod})` : target ? `${target.iface} (${target.node})` : e.tcpdump.at;
    evidence.push({ head: `tcpdump -n -i ${where}`, lines: target ? tcpdumpLines(trace.events, target, step) : [] });
  }
  if (e.hubble) evidence.push({ head: 'hubble observe', lines: text('[data-testid="hubble-output"]') });
  if (e.terminal) evidence.push({ head: e.terminal, lines: text('[data-testid="terminal-output"]') });
  const svgs = Array.from(document.querySelectorAll('.stage .topology-svg')).map(svgCopy);
  return { k, caption: stop.caption[lang], hop: ev ? explainHop(lang, ev) : '', hopNumber: step + 1, svgs, evidence, stop };
}
