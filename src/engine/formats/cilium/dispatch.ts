/**
 * One entry point for the cilium CLI views, shared by `flowlab cilium NODE ...`
 * and the browser terminal: takes the words after `cilium` (or `cilium-dbg`,
 * or the seed's `c0` alias) and returns what the real command prints.
 */
import type { Datapath } from '../../derive/types.ts';
import type { MapTables } from '../../maps/rows.ts';
import { bpfCtListGlobal } from './bpf-ct-list.ts';
import { bpfEndpointList } from './bpf-endpoint-list.ts';
import { bpfIpmasqList } from './bpf-ipmasq-list.ts';
import { bpfLbList, type LbListMode } from './bpf-lb-list.ts';
import { bpfNatList } from './bpf-nat-list.ts';
import { bpfPolicyGet, endpointPolicyModes } from './bpf-policy-get.ts';
import { bpfTunnelList } from './bpf-tunnel-list.ts';
import { endpointList } from './endpoint-list.ts';
import { mapGet } from './map-get.ts';
import { mapList } from './map-list.ts';
import { serviceList } from './service-list.ts';

export type CiliumResult = { ok: true; text: string; stderr?: string } | { ok: false; error: string };

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

function unsupported(words: string[]): CiliumResult {
  const what = words.length ? `unknown command "${words.join(' ')}"` : 'no command given';
  return { ok: false, error: `${what}; supported: ${CILIUM_COMMANDS.map((c) => `cilium ${c}`).join(', ')}` };
}

function lbMode(flags: string[]): LbListMode | undefined {
  if (flags.length === 0) return 'services';
  if (flags.length > 1) return undefined;
  const modes: Record<string, LbListMode> = { '--revnat': 'revnat', '--frontends': 'frontends', '--backends': 'backends' };
  return modes[flags[0]!];
}

export function runCiliumCommand(dp: Datapath, tables: MapTables, node: string, argv: readonly string[]): CiliumResult {
  if (!dp.node(node)) {
    return { ok: false, error: `unknown node "${node}"; nodes: ${dp.nodes.map((n) => n.name).join(', ')}` };
  }
  const words = [...argv];
  if (words[0] !== undefined && isCiliumWord(words[0])) words.shift();
  const [a, b, c, ...rest] = words;
  const ok = (text: string): CiliumResult => ({ ok: true, text });

  if (a === 'map' && b === 'get' && rest.length === 0) return mapGet(dp, tables, node, c);
  if (a === 'map' && isList(b) && c === undefined) return ok(mapList(dp, tables, node));
  if ((a === 'service' || a === 'endpoint') && isList(b) && c === undefined) {
    return ok(a === 'service' ? serviceList(dp, node) : endpointList(dp, node, endpointPolicyModes(dp)));
  }
  if (a === 'bpf' && b === 'policy' && c === 'get' && rest.length > 0) return bpfPolicyGet(dp, node, rest);
  if (a === 'bpf' && isList(c)) {
    switch (b) {
      case 'lb': {
        const mode = lbMode(rest);
        return mode ? ok(bpfLbList(dp, node, mode)) : unsupported(words);
      }
      case 'endpoint':
        return rest.length ? unsupported(words) : ok(bpfEndpointList(dp, node));
      case 'nat':
        return rest.length ? unsupported(words) : ok(bpfNatList(tables));
      case 'ct':
        if (rest.length === 1 && rest[0] === 'global') return ok(bpfCtListGlobal(tables));
        return { ok: false, error: 'Invalid argument: only "bpf ct list global" is modelled (the lab uses the global CT maps)' };
      case 'tunnel':
        return rest.length ? unsupported(words) : ok(bpfTunnelList(dp, node));
      case 'ipmasq': {
        if (rest.length) return unsupported(words);
        const { text, stderr } = bpfIpmasqList(dp);
        return stderr === undefined ? { ok: true, text } : { ok: true, text, stderr };
      }
    }
  }
  return unsupported(words);
}
