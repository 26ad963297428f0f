/**
 * `flowlab replay FLOWS [--scenario FILE|NAME] [--set k=v] [--lang en|ko]`:
 * real Hubble flows (`hubble observe -o jsonpb` lines, `-o json`, a sysdump's
 * hubble-flows-*.json) each traced with the engine by its 5-tuple, and where
 * the real flow and the model agree (=) or differ (!). Foreign lines are
 * listed with their line number; the flows around them are still replayed.
 */
import { basename } from 'node:path';
import { readHubbleFlows, replayFlow, type ObservedFlow } from '../engine/index.ts';
import { LANGS, render, type Lang } from '../i18n/index.ts';
import { UserError } from './errors.ts';
import { parse, SCENARIO_OPTIONS, settingsOf } from './options.ts';
import { datapathFor, readScenarioFile } from './scenario.ts';

export function flowTitle(f: ObservedFlow): string {
  const end = (e: ObservedFlow['source']) => `${e.podName ? `${e.namespace ?? ''}/${e.podName}` : e.ip}${e.port ? `:${e.port}` : ''}`;
  const what = [f.verdict, f.observationPoint, f.dropReason].filter(Boolean).join(' ');
  return `${f.time} [${f.nodeName}] ${end(f.source)} -> ${end(f.destination)} ${f.proto} ${what}`;
}

export function replayCommand(args: string[]): { text: string; stderr: string } {
  const [file, ...rest] = args;
  if (file === undefined || file.startsWith('-')) throw new UserError('replay: give a file of `hubble observe -o jsonpb` lines, e.g. `flowlab replay flows.json --scenario my-cluster.yaml`');
  const { values } = parse(rest, { ...SCENARIO_OPTIONS, lang: { type: 'string' } }, 'replay');
  const lang = (values.lang ?? 'en') as Lang;
  if (!LANGS.includes(lang)) throw new UserError(`--lang must be one of ${LANGS.join(', ')}, not "${values.lang}"`);
  const read = readHubbleFlows(new TextDecoder().decode(readScenarioFile(file)));
  if (read.flows.length === 0) {
    const first = read.issues[0]?.message ?? 'the file is empty';
    throw new UserError(`${basename(file)}: no Hubble flows (${first})`);
  }
  const dp = datapathFor(values.scenario, settingsOf(values.set));
  const out: string[] = [];
  for (const f of read.flows) {
    out.push(`line ${f.line}: ${flowTitle(f)}`);
    for (const a of replayFlow(dp, f).aspects) out.push(`  ${a.agree ? '=' : '!'} ${render(lang, a.says)}`);
  }
  const stderr = read.issues.map((i) => `${basename(file)}: ${i.message}\n`).join('');
  return { text: `${out.join('\n')}\n`, stderr };
}
