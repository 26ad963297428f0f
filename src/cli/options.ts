/**
 * Flag parsing with node:util parseArgs (strict: an unknown or malformed flag
 * is a UserError naming it), and the checks on values that parseArgs leaves
 * to us: protocols, ports, seeds, --set pairs.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseSettingsPairs, type FlowRequest, type Settings, type FlowProto } from '../engine/index.ts';
import { UserError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The values parseArgs returns for `O`: strings, string lists for `multiple`, booleans. */
export type ParsedValues<O extends Options> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string;
};

/** The flags that describe a flow: shared by `trace` and `cilium --after`. */
export const FLOW_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  proto: { type: 'string' },
  port: { type: 'string' },
  seed: { type: 'string' },
} as const satisfies Options;

export const SCENARIO_OPTIONS = {
  scenario: { type: 'string' },
  set: { type: 'string', multiple: true },
} as const satisfies Options;

/** parseArgs with its errors turned into one-line user errors. */
export function parse<O extends Options>(args: string[], options: O, what: string): { values: ParsedValues<O> } {
  try {
    return { values: parseArgs({ args, options, strict: true, allowPositionals: false }).values as ParsedValues<O> };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new UserError(`${what}: ${message}`);
  }
}

const PROTOS: readonly FlowProto[] = ['icmp', 'tcp', 'udp'];

function integer(text: string, flag: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UserError(`--${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
  return n;
}

/** Builds a FlowRequest from parsed flow flags; `what` names the command in messages. */
export function flowRequest(values: { from?: string; to?: string; proto?: string; port?: string; seed?: string }, what: string): FlowRequest {
  if (!values.from) throw new UserError(`${what}: --from is required (a pod or a node)`);
  if (!values.to) throw new UserError(`${what}: --to is required (a pod, a service, a node or an IPv4 address)`);
  const proto = (values.proto ?? 'tcp').toLowerCase() as FlowProto;
  if (!PROTOS.includes(proto)) throw new UserError(`--proto must be one of ${PROTOS.join(', ')}, not "${values.proto}"`);
  const req: FlowRequest = { from: values.from, to: values.to, proto, seed: values.seed === undefined ? 1 : integer(values.seed, 'seed', 0, 2 ** 32 - 1) };
  if (values.port !== undefined) {
    if (proto === 'icmp') throw new UserError('--port has no meaning for --proto icmp');
    req.port = integer(values.port, 'port', 1, 65535);
  }
  return req;
}

/** `--set key=value[,key=value]` (repeatable) as cilium-config overrides; engine/settings-pairs.ts has the rule. */
export function settingsOf(pairs: readonly string[] | undefined): Settings {
  const r = parseSettingsPairs(pairs ?? []);
  if (!r.ok) throw new UserError(`--set: ${r.error}`);
  return r.settings;
}
