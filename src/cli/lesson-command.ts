/**
 * `flowlab lesson check FILE|ID` and `flowlab lesson list`: for a teacher
 * writing a lesson. check prints each stop's hop (what the selector found)
 * and every problem as a located line; it exits 2 when there is one.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { render, type Lang } from '../i18n/index.ts';
import { checkLesson } from '../lessons/check.ts';
import { issueText } from '../lessons/model.ts';
import { parseLesson } from '../lessons/parse.ts';
import { UserError } from './errors.ts';
import { builtInScenarios, datapathFor, PACKAGE_ROOT, readScenarioFile } from './scenario.ts';
import { clipText } from './terminal.ts';

export const LESSON_DIR = resolve(PACKAGE_ROOT, 'public/lessons');

export function builtInLessons(): string[] {
  if (!existsSync(LESSON_DIR)) return [];
  return readdirSync(LESSON_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();
}

function lessonPath(value: string): string {
  if (value.includes('/') || /\.ya?ml$/i.test(value)) return resolve(value);
  const path = resolve(LESSON_DIR, `${value}.yaml`);
  if (!existsSync(path)) throw new UserError(`unknown lesson "${value}"; built-in lessons: ${builtInLessons().join(', ')} (or give a .yaml file)`);
  return path;
}

const USAGE = 'lesson: `flowlab lesson check FILE|ID [--lang en|ko]` or `flowlab lesson list`';

export function lessonCommand(args: string[]): { ok: boolean; text: string } {
  const [sub, ...rest] = args;
  if (sub === 'list' && rest.length === 0) return { ok: true, text: listText() };
  if (sub !== 'check') throw new UserError(USAGE);
  let lang: Lang = 'en';
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (a === '--lang') {
      const v = rest[++i];
      if (v !== 'en' && v !== 'ko') throw new UserError(`--lang must be one of en, ko, not "${v ?? ''}"`);
      lang = v;
    } else if (a.startsWith('-')) throw new UserError(`unknown option ${a}; ${USAGE}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UserError(USAGE);
  return checkText(lessonPath(files[0] ?? ''), lang);
}

/** A lesson file as text (read with the scenario's size limit). */
function readText(path: string): string {
  return new TextDecoder().decode(readScenarioFile(path));
}

function listText(): string {
  return builtInLessons().map((id) => {
    const r = parseLesson(readText(resolve(LESSON_DIR, `${id}.yaml`)), id, { scenarios: builtInScenarios() });
    return r.ok ? `${id}\t${r.lesson.stops.length} stops\t${r.lesson.title.en}\n` : `${id}\t(invalid: flowlab lesson check ${id})\n`;
  }).join('');
}

function checkText(path: string, lang: Lang): { ok: boolean; text: string } {
  const name = basename(path, extname(path));
  // A built-in lesson's id is its file's name (the URL's lesson=); a teacher's copy may keep the id it had.
  const builtIn = resolve(path, '..') === LESSON_DIR;
  const parsed = parseLesson(readText(path), builtIn ? name : undefined, { scenarios: builtInScenarios() });
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `${basename(path)}: ${clipText(issueText(e))}\n`);
    return { ok: false, text: `${lines.join('')}${parsed.errors.length} error${parsed.errors.length === 1 ? '' : 's'}\n` };
  }
  const { lesson } = parsed;
  const checks = checkLesson(lesson, (scenario, settings) => datapathFor(scenario, settings));
  let out = `${lesson.id}: ${lesson.title[lang]} (${lesson.stops.length} stop${lesson.stops.length === 1 ? '' : 's'})\n`;
  let problems = 0;
  for (const c of checks) {
    const stop = lesson.stops[c.stop - 1];
    const hop = c.hop && c.step !== undefined
      ? `hop ${c.step + 1} of ${c.trace?.events.length ?? 0}: ${c.hop.kind} ${c.hop.program} on ${c.hop.node} ${c.hop.iface}: ${render(lang, c.hop.explain)}`
      : 'no hop';
    out += `stop ${c.stop} (line ${stop?.line ?? '?'}): ${hop}\n`;
    for (const p of c.problems) out += `  problem: ${clipText(issueText(p))}\n`;
    problems += c.problems.length;
  }
  out += problems ? `${problems} problem${problems === 1 ? '' : 's'}\n` : 'ok\n';
  return { ok: problems === 0, text: out };
}
