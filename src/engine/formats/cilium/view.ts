/**
 * The cilium-dbg commands as typed values: parsed from words once (in the
 * page's terminal, or the CLI), run by dispatch.ts in the worker or the CLI.
 * No format code here, so the page can parse without bundling the views.
 */
import type { LbListMode } from './bpf-lb-list.ts';

/** The command forms understood, as usage lines. */
export const CILIUM_COMMANDS = [
  'map get <name>',
  'map list',
  'service list',
  'bpf lb list [--revnat|--frontends|--backends]',
  'bpf endpoint list',
  'endpoint list',
  'bpf nat list',
  'bpf ct list global',
  'bpf ipmasq list',
  'bpf tunnel list',
  'bpf policy get <EPID|pod> [-n] [--all]',
  'status [--verbose]',
  'config view',
] as const;

/**
 * The seed lab's node aliases: `c0`, `c1`, ... run `kubectl exec` into the
 * cilium pod of the scenario's first, second, ... node. The index named, or
 * undefined for any other word.
 */
export function nodeAliasIndex(word: string): number | undefined {
  const m = /^c(\d+)$/.exec(word);
  return m ? Number(m[1]) : undefined;
}

/** Words that stand for the cilium CLI itself and are dropped before the command. */
const isCiliumWord = (w: string) => w === 'cilium' || w === 'cilium-dbg' || nodeAliasIndex(w) !== undefined;
const isList = (w: string | undefined) => w === 'list' || w === 'ls';

function unsupported(words: string[]): { ok: false; error: string } {
  const what = words.length ? `unknown command "${words.join(' ')}"` : 'no command given';
  return { ok: false, error: `${what}; supported: ${CILIUM_COMMANDS.map((c) => `cilium ${c}`).join(', ')}` };
}

function lbMode(flags: string[]): LbListMode | undefined {
  if (flags.length === 0) return 'services';
  if (flags.length > 1) return undefined;
  const modes: Record<string, LbListMode> = { '--revnat': 'revnat', '--frontends': 'frontends', '--backends': 'backends' };
  const flag = flags[0] ?? '';
  return Object.hasOwn(modes, flag) ? modes[flag] : undefined;
}

/** A cilium-dbg command, parsed: what the page sends the worker and what the CLI runs. */
export type CiliumView =
  | { view: 'map get'; map: string }
  | { view: 'map list' }
  | { view: 'service list' }
  | { view: 'endpoint list' }
  | { view: 'bpf lb list'; mode: LbListMode }
  | { view: 'bpf endpoint list' }
  | { view: 'bpf nat list' }
  | { view: 'bpf ct list global' }
  | { view: 'bpf ipmasq list' }
  | { view: 'bpf tunnel list' }
  /** The endpoint (ID or pod name) and the flags, as `bpf policy get` takes them. */
  | { view: 'bpf policy get'; args: string[] }
  /** `cilium-dbg status`, brief or `--verbose`. */
  | { view: 'status'; verbose: boolean }
  /** cilium-cli's `cilium config view`: the cilium-config ConfigMap's keys. */
  | { view: 'config view' };

export type ParsedCilium = { ok: true; view: CiliumView } | { ok: false; error: string };

/** Parses the words after `cilium` (or `cilium-dbg`, or the seed's `c0` alias). */
export function parseCiliumArgs(argv: readonly string[]): ParsedCilium {
  const words = [...argv];
  if (words[0] !== undefined && isCiliumWord(words[0])) words.shift();
  const [a, b, c, ...rest] = words;
  const view = (v: CiliumView): ParsedCilium => ({ ok: true, view: v });
  const no = (): ParsedCilium => unsupported(words);

  if (a === 'status' && c === undefined && (b === undefined || b === '--verbose')) return view({ view: 'status', verbose: b === '--verbose' });
  if (a === 'config' && b === 'view' && c === undefined) return view({ view: 'config view' });
  if (a === 'map' && b === 'get' && rest.length === 0) return c ? view({ view: 'map get', map: c }) : { ok: false, error: 'map name must be specified' };
  if (a === 'map' && isList(b) && c === undefined) return view({ view: 'map list' });
  if ((a === 'service' || a === 'endpoint') && isList(b) && c === undefined) return view({ view: a === 'service' ? 'service list' : 'endpoint list' });
  if (a === 'bpf' && b === 'policy' && c === 'get' && rest.length > 0) return view({ view: 'bpf policy get', args: rest });
  if (a === 'bpf' && isList(c)) {
    switch (b) {
      case 'lb': {
        const mode = lbMode(rest);
        return mode ? view({ view: 'bpf lb list', mode }) : no();
      }
      case 'endpoint':
        return rest.length ? no() : view({ view: 'bpf endpoint list' });
      case 'nat':
        return rest.length ? no() : view({ view: 'bpf nat list' });
      case 'ct':
        if (rest.length === 1 && rest[0] === 'global') return view({ view: 'bpf ct list global' });
        return { ok: false, error: 'Invalid argument: only "bpf ct list global" is modelled (the lab uses the global CT maps)' };
      case 'tunnel':
        return rest.length ? no() : view({ view: 'bpf tunnel list' });
      case 'ipmasq':
        return rest.length ? no() : view({ view: 'bpf ipmasq list' });
    }
  }
  return no();
}

/** The command line of a view, after `cilium` (what the page prints above its output). */
export function ciliumViewWords(v: CiliumView): string {
  switch (v.view) {
    case 'map get':
      return `map get ${v.map}`;
    case 'bpf lb list':
      return v.mode === 'services' ? v.view : `${v.view} --${v.mode}`;
    case 'bpf policy get':
      return `${v.view} ${v.args.join(' ')}`;
    case 'status':
      return v.verbose ? 'status --verbose' : 'status';
    default:
      return v.view;
  }
}

