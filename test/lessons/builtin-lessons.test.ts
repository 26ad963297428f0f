/**
 * Every built-in lesson against the real engine and the real built-in
 * scenarios: each stop's flow traces, its hop selector finds a hop, and the
 * evidence it names is there. An engine change that moves or removes what a
 * lesson points at fails here, with the lesson, stop and field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLesson } from '../../src/lessons/check.ts';
import { issueText } from '../../src/lessons/model.ts';
import { parseLesson } from '../../src/lessons/parse.ts';
import { parseCommand } from '../../src/ui/terminal/command.ts';
import { loadBuiltin } from '../engine/builtin.ts';

const DIR = fileURLToPath(new URL('../../public/lessons/', import.meta.url));
const SCENARIOS = readdirSync(fileURLToPath(new URL('../../public/scenarios/', import.meta.url)))
  .filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('built-in lessons', () => {
  it('are the seven of the write-up\'s story, at least', () => {
    expect(files.map((f) => f.slice(0, -5))).toEqual(expect.arrayContaining([
      'arp-proxy', 'cross-node-native', 'socket-lb', 'masquerade', 'policy-drop', 'tunnel-vs-native', 'kube-proxy-vs-socket-lb',
    ]));
  });

  for (const file of files) {
    it(`${file}: every stop finds its hop and its evidence`, () => {
      const parsed = parseLesson(readFileSync(`${DIR}${file}`, 'utf8'), file.slice(0, -5), { scenarios: SCENARIOS });
      if (!parsed.ok) expect.fail(parsed.errors.map(issueText).join('\n'));
      const checks = checkLesson(parsed.lesson, (scenario, settings) => loadBuiltin(scenario, settings));
      expect(checks.flatMap((c) => c.problems).map(issueText)).toEqual([]);
      for (const [i, c] of checks.entries()) {
        const stop = parsed.lesson.stops[i];
        expect(c.hop?.kind, `stop ${i + 1}`).toBe(stop?.hop.kind ?? c.hop?.kind);
        // The terminal command is one the page's terminal understands.
        if (stop?.evidence.terminal) {
          const nodes = loadBuiltin(stop.scenario).nodes.map((n) => n.name);
          expect(parseCommand(stop.evidence.terminal, nodes).kind, stop.evidence.terminal).not.toBe('error');
        }
      }
    });
  }
});
