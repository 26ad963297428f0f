/**
 * Splits a scenario's YAML text into Kubernetes objects, each able to say on
 * which line any of its fields sits. `kind: List` is flattened into its items
 * (what `kubectl get ... -o yaml` prints), empty documents are skipped.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';
import type { ScenarioIssue, SourceRef } from './model.ts';

/** A field path: map keys and sequence indexes, `['spec', 'ports', 0, 'port']`. */
export type FieldPath = readonly (string | number)[];

export interface K8sObject {
  apiVersion: string;
  kind: string;
  name: string;
  /** metadata.namespace; `default` when a namespaced kind omits it; undefined when cluster-scoped. */
  namespace?: string;
  /** The object as plain data (what `yaml` converts it to). */
  body: Record<string, unknown>;
  ref: SourceRef;
  /** 1-based line of the deepest existing node on `path` (the key's line for map entries). */
  lineOf(path: FieldPath): number;
}

export interface Documents {
  objects: K8sObject[];
  /** YAML syntax errors and documents that are not Kubernetes objects. */
  issues: ScenarioIssue[];
}

/** `document 3, line 40`: documents are counted from 1 for people. */
/** Kinds that live in a namespace (the API server fills in `default`); others are cluster-scoped. */
const NAMESPACED = new Set([
  'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap', 'Secret', 'ServiceAccount',
  'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'NetworkPolicy',
  'CiliumEndpoint', 'CiliumNetworkPolicy', 'Ingress', 'Role', 'RoleBinding',
]);

export function where(doc: number, line: number): string {
  return `document ${doc + 1}, line ${line}`;
}

export function readDocuments(text: string): Documents {
  const lineCounter = new LineCounter();
  const objects: K8sObject[] = [];
  const issues: ScenarioIssue[] = [];
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  docs.forEach((doc, index) => {
    const lineAt = (offset: number) => lineCounter.linePos(offset).line;
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      const message = e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
      issues.push({
        severity: 'error',
        message: `YAML (${where(index, pos.line)}, column ${pos.col}): ${message}`,
        line: pos.line,
        doc: index,
      });
    }
    if (doc.errors.length > 0 || doc.contents === null) return;
    let data: unknown;
    try {
      // maxAliasCount bounds alias expansion (a "billion laughs" document).
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      const line = lineAt(doc.contents.range[0]);
      const reason = err instanceof Error ? err.message : String(err);
      issues.push({ severity: 'error', message: `YAML (${where(index, line)}): ${reason}`, line, doc: index });
      return;
    }
    collect(data, doc.contents, index, lineAt, objects, issues);
  });
  return { objects, issues };
}

function collect(
  data: unknown,
  node: YamlNode,
  doc: number,
  lineAt: (offset: number) => number,
  objects: K8sObject[],
  issues: ScenarioIssue[],
): void {
  const line = lineAt(node.range?.[0] ?? 0);
  if (data === null || data === undefined) return;
  if (typeof data !== 'object' || Array.isArray(data) || !isMap(node)) {
    issues.push(notAnObject(doc, line, 'it is not a mapping'));
    return;
  }
  const body = data as Record<string, unknown>;
  const kind = body['kind'];
  if (typeof kind !== 'string' || kind === '') {
    issues.push(notAnObject(doc, line, 'it has no `kind`'));
    return;
  }
  // `kind: List` (kubectl) and typed lists (`NodeList`, what cilium-sysdump writes): the API server leaves
  // kind and apiVersion out of a typed list's items, so they take them from the list.
  if (kind === 'List' || (kind.endsWith('List') && Array.isArray(body['items']))) {
    const items = inheritKind(body, kind);
    const itemsNode = node.get('items', true);
    if (items === undefined || items === null) return;
    if (!Array.isArray(items) || !isSeq(itemsNode)) {
      const at = lineAt(keyOffset(node, 'items') ?? node.range?.[0] ?? 0);
      issues.push({ severity: 'error', message: `List, items (${where(doc, at)}): must be a sequence`, line: at, doc, field: 'items' });
      return;
    }
    items.forEach((item, i) => {
      const itemNode = itemsNode.items[i];
      if (itemNode && typeof itemNode === 'object' && 'range' in itemNode) {
        collect(item, itemNode as YamlNode, doc, lineAt, objects, issues);
      }
    });
    return;
  }
  const metadata = body['metadata'];
  const meta = metadata !== null && typeof metadata === 'object' ? (metadata as Record<string, unknown>) : {};
  // `name: 123` is read as "123" so the object's other errors are found; names.ts says it must be a string.
  const name = typeof meta['name'] === 'number' || typeof meta['name'] === 'boolean' ? String(meta['name']) : meta['name'];
  if (typeof name !== 'string' || name === '') {
    const at = lineAt(keyOffset(node, 'metadata') ?? node.range?.[0] ?? 0);
    issues.push({
      severity: 'error',
      message: `${kind}, metadata.name (${where(doc, at)}): is required`,
      object: kind,
      field: 'metadata.name',
      line: at,
      doc,
    });
    return;
  }
  const given = typeof meta['namespace'] === 'string' && meta['namespace'] !== '' ? meta['namespace'] : undefined;
  const namespace = given ?? (NAMESPACED.has(kind) ? 'default' : undefined);
  const apiVersion = typeof body['apiVersion'] === 'string' ? body['apiVersion'] : '';
  objects.push({
    apiVersion,
    kind,
    name,
    namespace,
    body,
    ref: { doc, object: `${kind} ${namespace === undefined ? name : `${namespace}/${name}`}`, line },
    lineOf: (path) => lineAt(offsetOf(node, path)),
  });
}

/** A typed list's items with the kind and apiVersion it implies, where they lack their own. */
function inheritKind(list: Record<string, unknown>, kind: string): unknown {
  const items = list['items'];
  if (kind === 'List' || !Array.isArray(items)) return items;
  const itemKind = kind.slice(0, -'List'.length);
  const apiVersion = list['apiVersion'];
  return items.map((item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const o = item as Record<string, unknown>;
    return { ...(typeof apiVersion === 'string' ? { apiVersion } : {}), kind: itemKind, ...o };
  });
}

function notAnObject(doc: number, line: number, why: string): ScenarioIssue {
  return {
    severity: 'error',
    message: `YAML (${where(doc, line)}): not a Kubernetes object (${why}; expected apiVersion, kind, metadata)`,
    line,
    doc,
  };
}

function keyOffset(node: YamlNode, key: string): number | undefined {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
}

/** Offset of the deepest node on `path` that exists; a map entry answers with its key. */
function offsetOf(root: YamlNode, path: FieldPath): number {
  let node: unknown = root;
  let offset = root.range?.[0] ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      offset = (isScalar(pair.key) && pair.key.range?.[0]) || offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item || typeof item !== 'object' || !('range' in item)) break;
      offset = (item as YamlNode).range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}
