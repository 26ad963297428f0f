/**
 * `flowlab cilium NODE <cilium-dbg arguments>`: the flowlab options
 * (--scenario, --set, --after) are taken out wherever they stand; everything
 * else goes to runCiliumCommand as the words after `cilium`.
 */
import { tablesAt, runCiliumCommand } from '../engine/index.ts';
import { UserError } from './errors.ts';
import { FLOW_OPTIONS, flowRequest, parse, settingsOf } from './options.ts';
import { datapathFor } from './scenario.ts';
import { runTrace } from './trace-command.ts';
import { splitWords } from './words.ts';

const OWN = new Set(['--scenario', '--set', '--after']);

interface Split {
  own: { scenario?: string; set: string[]; after?: string };
  rest: string[];
}

function splitOwnOptions(args: string[]): Split {
  const own: Split['own'] = { set: [] };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!OWN.has(flag)) {
      rest.push(arg);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) throw new UserError(`cilium: ${flag} needs a value`);
    if (flag === '--set') own.set.push(value);
    else if (flag === '--scenario') own.scenario = value;
    else own.after = value;
  }
  return { own, rest };
}

export function ciliumCommand(args: string[]): { text: string; stderr?: string } {
  const [node, ...more] = args;
  if (!node || node.startsWith('-')) throw new UserError('cilium: name the node first, e.g. `flowlab cilium k8s-s service list`');
  const { own, rest } = splitOwnOptions(more);
  const dp = datapathFor(own.scenario, settingsOf(own.set));
  let tables;
  if (own.after !== undefined) {
    const { values } = parse(splitWords(own.after), FLOW_OPTIONS, 'cilium --after');
    const trace = runTrace(dp, flowRequest(values, 'cilium --after'));
    tables = tablesAt(dp, trace, trace.events.length - 1, node);
  } else {
    tables = tablesAt(dp, undefined, -1, node);
  }
  const r = runCiliumCommand(dp, tables, node, rest);
  if (!r.ok) throw new UserError(`cilium: ${r.error}`);
  return r.stderr === undefined ? { text: r.text } : { text: r.text, stderr: r.stderr };
}
