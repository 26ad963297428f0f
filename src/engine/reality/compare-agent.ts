/**
 * A real agent's tables against the model's (issue #9, point 4): what
 * cilium-bugtool captured on one node (`cilium-dbg bpf ipcache list`,
 * `bpf lb list`, `bpf endpoint list`) beside what the engine derived for that
 * node, printed the same way and read back with the same reader, so the two
 * sides differ only where the cluster and the model do.
 *
 * Each difference is a message (the page and the CLI render it): a row only
 * in the cluster, a row only in the model, an ipcache row whose identity
 * differs, or any other value that differs.
 */
import type { Datapath } from '../derive/types.ts';
import { message, type Message } from '../messages.ts';
import { bpfEndpointList } from '../formats/cilium/bpf-endpoint-list.ts';
import { bpfIpcacheList, IPCACHE_TITLES } from '../formats/cilium/bpf-ipcache-list.ts';
import { bpfLbList } from '../formats/cilium/bpf-lb-list.ts';
import { readPrintedTable, type PrintedTable } from './printed-table.ts';

export type AgentTable = 'ipcache' | 'lb' | 'endpoint';

const TABLES: Record<AgentTable, { command: string; titles: readonly [string, string]; model: (dp: Datapath, node: string) => string }> = {
  ipcache: { command: 'cilium-dbg bpf ipcache list', titles: IPCACHE_TITLES, model: bpfIpcacheList },
  lb: { command: 'cilium-dbg bpf lb list', titles: ['SERVICE ADDRESS', 'BACKEND ADDRESS (REVNAT_ID) (SLOT)'], model: (dp, n) => bpfLbList(dp, n) },
  endpoint: { command: 'cilium-dbg bpf endpoint list', titles: ['IP ADDRESS', 'LOCAL ENDPOINT INFO'], model: bpfEndpointList },
};

export const AGENT_TABLES = Object.keys(TABLES) as AgentTable[];

export interface TableComparison {
  table: AgentTable;
  command: string;
  /** Rows read from the cluster and derived by the model. */
  clusterRows: number;
  modelRows: number;
  differences: Message[];
  /** The cluster's file could not be read as the command's table. */
  error?: string;
  /** `error` as words, for the page's language. */
  says?: Message;
}

export interface AgentComparison {
  node: string;
  tables: TableComparison[];
}

const identityOf = (v: string) => /\bidentity=(\d+)/.exec(v)?.[1];

/** Differences between one table as the cluster printed it and as the model prints it. */
function diff(table: AgentTable, cluster: PrintedTable, model: PrintedTable): Message[] {
  const out: Message[] = [];
  const text = (vs: readonly string[]) => vs.join('; ');
  for (const [key, values] of cluster.rows) {
    const mine = model.rows.get(key);
    if (!mine) {
      out.push(message('reality.only_cluster', { table, key, value: text(values) }));
      continue;
    }
    const [a, b] = [text(values), text(mine)];
    if (a === b) continue;
    const [ia, ib] = [identityOf(a), identityOf(b)];
    if (table === 'ipcache' && ia !== undefined && ib !== undefined && ia !== ib) {
      out.push(message('reality.identity', { table, key, cluster: ia, model: ib }));
    } else out.push(message('reality.value', { table, key, cluster: a, model: b }));
  }
  for (const [key, values] of model.rows) {
    if (!cluster.rows.has(key)) out.push(message('reality.only_model', { table, key, value: text(values) }));
  }
  return out;
}

/** Compares every table the bugtool captured on `node` with the model's view of that node. */
export function compareAgentTables(
  dp: Datapath, node: string, captured: Partial<Record<AgentTable, string>>,
): AgentComparison {
  const tables: TableComparison[] = [];
  for (const table of AGENT_TABLES) {
    const raw = captured[table];
    if (raw === undefined) continue;
    const spec = TABLES[table];
    const modelRead = readPrintedTable(spec.model(dp, node), spec.titles);
    const clusterRead = readPrintedTable(raw, spec.titles);
    const model = modelRead.ok ? modelRead.table : { titles: spec.titles, rows: new Map<string, string[]>() };
    if (!clusterRead.ok) {
      tables.push({ table, command: spec.command, clusterRows: 0, modelRows: model.rows.size, differences: [], error: clusterRead.error, says: clusterRead.says });
      continue;
    }
    tables.push({
      table,
      command: spec.command,
      clusterRows: clusterRead.table.rows.size,
      modelRows: model.rows.size,
      differences: diff(table, clusterRead.table, model as PrintedTable),
    });
  }
  return { node, tables };
}

export interface AgentCapture {
  /** The agent pod the bugtool ran in. */
  pod: string;
  tables: Partial<Record<AgentTable, string>>;
}

export type AgentResult = { pod: string; node: string; comparison: AgentComparison } | { pod: string; node?: undefined };

/**
 * Every agent's capture compared on its own node: the agent pod's
 * spec.nodeName (k8s-pods in the same sysdump), looked up in any namespace
 * (the agent runs in kube-system, or where Cilium was installed).
 */
export function compareAgents(dp: Datapath, captures: readonly AgentCapture[]): AgentResult[] {
  return captures.map((c) => {
    const pod = dp.podByKey.get(`kube-system/${c.pod}`) ?? dp.podsByName.get(c.pod)?.[0];
    const node = pod && dp.node(pod.nodeName) ? pod.nodeName : undefined;
    return node ? { pod: c.pod, node, comparison: compareAgentTables(dp, node, c.tables) } : { pod: c.pod };
  });
}
