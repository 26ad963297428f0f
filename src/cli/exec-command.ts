/**
 * `flowlab exec NODE|POD [--scenario ...] [--set k=v ...] [--after "<trace args>"] -- COMMAND ...`:
 * what COMMAND prints on the node or inside the pod (engine/formats/node).
 * Everything after `--` is the command's own words, passed on untouched.
 */
import { EXEC_COMMANDS, resolveExecTarget, runExec } from '../engine/index.ts';
import { UserError } from './errors.ts';
import { FLOW_OPTIONS, flowRequest, parse, settingsOf } from './options.ts';
import { datapathFor } from './scenario.ts';
import { runTrace } from './trace-command.ts';
import { splitWords } from './words.ts';

/** --scenario, --set (repeatable), --after: by hand, since --after's value itself starts with `--`. */
function ownOptions(args: string[]): { scenario?: string; set: string[]; after?: string } {
  const out: { scenario?: string; set: string[]; after?: string } = { set: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag !== '--scenario' && flag !== '--set' && flag !== '--after') {
      throw new UserError(`exec: unknown option "${arg}" before --; options: --scenario, --set, --after`);
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) throw new UserError(`exec: ${flag} needs a value`);
    if (flag === '--set') out.set.push(value);
    else if (flag === '--scenario') out.scenario = value;
    else out.after = value;
  }
  return out;
}

export function execCommand(args: string[]): { text: string; stderr?: string } {
  const [target, ...more] = args;
  if (!target || target.startsWith('-')) throw new UserError('exec: name the node or pod first, e.g. `flowlab exec k8s-s -- ip -c route`');
  const dash = more.indexOf('--');
  if (dash < 0) throw new UserError(`exec: put the command after --, e.g. \`flowlab exec ${target} -- ip addr\``);
  const command = more.slice(dash + 1);
  if (command.length === 0) throw new UserError(`exec: no command after --; known: ${EXEC_COMMANDS.join('; ')}`);
  const values = ownOptions(more.slice(0, dash));
  const dp = datapathFor(values.scenario, settingsOf(values.set));
  const resolved = resolveExecTarget(dp, target);
  if ('error' in resolved) throw new UserError(`exec: ${resolved.error}`);
  let trace;
  if (values.after !== undefined) {
    const flow = parse(splitWords(values.after), FLOW_OPTIONS, 'exec --after');
    trace = runTrace(dp, flowRequest(flow.values, 'exec --after'));
  }
  const r = runExec(dp, resolved, command, trace);
  if (!r.ok) throw new UserError(`exec: ${r.error}`);
  return r.stderr === undefined ? { text: r.text } : { text: r.text, stderr: r.stderr };
}
