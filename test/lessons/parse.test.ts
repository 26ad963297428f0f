/** The lesson validator: a teacher's mistakes come back as one located line each (lesson, stop, field, line). */
import { describe, expect, it } from 'vitest';
import { checkLesson } from '../../src/lessons/check.ts';
import { issueText } from '../../src/lessons/model.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { loadBuiltin } from '../engine/builtin.ts';

const stop = (over = '') => `
  - scenario: kans-lab
    flow: { from: netpod, to: svc, proto: tcp, port: 80 }
    hop: { kind: socket-lb-rewrite }
    evidence:
      maps: cilium_lb4_services_v2
      strace: { shows: "10.10.252.131" }
    caption: { en: connect() is rewritten, ko: connect()가 바뀝니다 }${over}`;
const lesson = (stops: string, head = 'id: demo\ntitle: { en: Demo, ko: 데모 }\n') => `${head}stops:${stops}`;
const errors = (text: string, name = 'demo') => {
  const r = parseLesson(text, name, { scenarios: ['kans-lab', 'kans-lab-policy'] });
  return r.ok ? [] : r.errors.map(issueText);
};

describe('parseLesson', () => {
  it('reads a good lesson: nth defaults to 1, settings as the URL writes them', () => {
    const r = parseLesson(lesson(stop('\n    settings: { routing-mode: tunnel, tunnel-protocol: vxlan }')), 'demo');
    expect(r.ok && r.lesson.stops[0]).toMatchObject({
      hop: { kind: 'socket-lb-rewrite', nth: 1 },
      settings: { 'routing-mode': 'tunnel', 'tunnel-protocol': 'vxlan' },
      evidence: { maps: { names: ['cilium_lb4_services_v2'] }, strace: { shows: '10.10.252.131' } },
      line: 4,
    });
  });

  it('names lesson, stop, field and line for a hop kind that does not exist', () => {
    const text = lesson(stop() + stop().replace('socket-lb-rewrite', 'socket-lb'));
    expect(errors(text)).toEqual([expect.stringMatching(/^lesson demo, stop 2, hop\.kind \(line 13\): "socket-lb" is not a hop kind \(send, arp-proxy/)]);
  });

  it('refuses a hop by number: it must be selected by what it is', () => {
    expect(errors(lesson(stop().replace('{ kind: socket-lb-rewrite }', '4')))).toEqual([
      expect.stringMatching(/^lesson demo, stop 1, hop \(line 6\): select the hop by what it is/),
    ]);
  });

  it('says an unknown field (a typo) instead of ignoring it', () => {
    expect(errors(lesson(stop().replace('kind:', 'knid:')))).toEqual([
      'lesson demo, stop 1, hop.knid (line 6): unknown field; known: kind, program, message, node, iface, direction, nth',
      'lesson demo, stop 1, hop (line 6): give at least one of kind, program, message',
    ]);
  });

  it('needs the caption in Korean too', () => {
    expect(errors(lesson(stop().replace(', ko: connect()가 바뀝니다', '')))).toEqual([
      'lesson demo, stop 1, caption.ko (line 10): the Korean text is missing',
    ]);
  });

  it('checks the scenario, the proto, the map name, the settings pairs and the id', () => {
    const bad = stop()
      .replace('scenario: kans-lab', 'scenario: nope')
      .replace('proto: tcp', 'proto: sctp')
      .replace('maps: cilium_lb4_services_v2', 'maps: [cilium_lb4_services]')
      .concat('\n    settings: "routing-mode"');
    expect(errors(lesson(bad), 'other')).toEqual([
      'lesson demo, id (line 1): "demo" must be the file\'s name (other)',
      'lesson demo, stop 1, scenario (line 4): "nope" is not a built-in scenario (kans-lab, kans-lab-policy)',
      'lesson demo, stop 1, flow.proto (line 5): must be one of icmp, tcp, udp',
      'lesson demo, stop 1, settings (line 11): "routing-mode" is not key=value (or key:value)',
      expect.stringMatching(/^lesson demo, stop 1, evidence\.maps\.0 \(line 8\): "cilium_lb4_services" is not a map/),
    ]);
  });

  it('reports YAML that does not parse with its line, never a stack', () => {
    expect(errors('id: demo\nstops:\n  - scenario: [kans-lab\n')).toEqual([expect.stringMatching(/^lesson demo \(line \d\): /)]);
    expect(errors('- just a list')).toEqual(['lesson demo (line 1): a lesson is a mapping with id, title and stops']);
  });
});

describe('checkLesson', () => {
  const check = (text: string) => {
    const r = parseLesson(text, 'demo');
    if (!r.ok) throw new Error(r.errors.map(issueText).join('; '));
    return checkLesson(r.lesson, (s, set) => loadBuiltin(s, set)).flatMap((c) => c.problems).map(issueText);
  };

  it('finds the hop and the evidence of a good stop', () => {
    expect(check(lesson(stop()))).toEqual([]);
  });

  it('says when no hop matches (the socket LB is off: no socket hop)', () => {
    expect(check(lesson(stop('\n    settings: { bpf-lb-sock: "false" }')))).toEqual([
      expect.stringMatching(/^lesson demo, stop 1, hop \(line 4\): no hop matches socket-lb-rewrite #1 in the \d+ hops of this flow$/),
    ]);
  });

  it('says when the evidence is not there: a map the hop never touched, a false tcpdump claim', () => {
    const text = lesson(stop()
      .replace('maps: cilium_lb4_services_v2', 'maps: cilium_ipcache')
      .replace('strace: { shows: "10.10.252.131" }', 'tcpdump: { at: netpod, lacks: "172.16.0.79" }'));
    expect(check(text)).toEqual([
      'lesson demo, stop 1, evidence.maps (line 4): the hop (socket-lb-rewrite cil_sock4_connect) touches no row of cilium_ipcache',
      expect.stringMatching(/^lesson demo, stop 1, evidence\.tcpdump\.lacks \(line 4\): a line shows "172\.16\.0\.79": /),
    ]);
  });

  it('says a setting the agent refuses and a flow that names nobody', () => {
    expect(check(lesson(stop('\n    settings: { routing-mode: carrier-pigeon }')))).toEqual([expect.stringMatching(/^lesson demo, stop 1, settings \(line 4\): /)]);
    expect(check(lesson(stop().replace('to: svc', 'to: nobody')))).toEqual([expect.stringMatching(/^lesson demo, stop 1, flow \(line 4\): cannot be traced: /)]);
  });
});
