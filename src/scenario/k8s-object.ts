/**
 * One Kubernetes object read from plain data (what JSON.parse or yaml's toJS
 * gave), whatever the text's format. Lines are not known here: a `locate`
 * function finds one when a message needs it (docs/loading-notes.md), so a
 * clean load of 100,000 objects computes none.
 */
import type { ScenarioIssue, SourceRef } from './model.ts';
import { english, say, whereDoc, type IssueText } from './issue-text.ts';

/** A field path: map keys and sequence indexes, `['spec', 'ports', 0, 'port']`. */
export type FieldPath = readonly (string | number)[];

export interface K8sObject {
  apiVersion: string;
  kind: string;
  name: string;
  /** metadata.namespace; `default` when a namespaced kind omits it; undefined when cluster-scoped. */
  namespace?: string;
  /** The object as plain data. */
  body: Record<string, unknown>;
  /** `line` is computed on first read. */
  ref: SourceRef;
  /** 1-based line of the deepest existing node on `path` (the key's line for map entries). */
  lineOf(path: FieldPath): number;
  /**
   * Forget the body once the loader has read all it needs from it (its model keeps the values; a message
   * still finds its line, which comes from the text). 100,000 pods' bodies are most of a load's memory.
   */
  release?(): void;
}

/** Objects handed over one at a time, as they are read (json-list-stream.ts). */
export interface ObjectStream {
  forEach(visit: (obj: K8sObject) => void): void;
}

export interface Documents {
  objects: K8sObject[];
  /** Syntax errors and documents that are not Kubernetes objects. */
  issues: ScenarioIssue[];
  /**
   * The objects, when they are read one at a time instead (`objects` is then empty): a collect issue
   * lands in `issues` while the stream is read.
   */
  stream?: ObjectStream;
}

/** One document of the text: its index and how to find the line of a path from its root. */
export interface DocContext {
  /** Said in messages about the text itself. */
  format: 'YAML' | 'JSON';
  doc: number;
  /** 1-based line of the deepest existing node on `path` from the document's root. */
  locate(path: FieldPath): number;
  objects: K8sObject[];
  issues: ScenarioIssue[];
}

/** Kinds that live in a namespace (the API server fills in `default`); others are cluster-scoped. */
const NAMESPACED = new Set([
  'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap', 'Secret', 'ServiceAccount',
  'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'NetworkPolicy',
  'CiliumEndpoint', 'CiliumNetworkPolicy', 'Ingress', 'Role', 'RoleBinding',
]);

/** `document 3, line 40`: documents are counted from 1 for people. */
export function where(doc: number, line: number): string {
  return `document ${doc + 1}, line ${line}`;
}

const ROOT: FieldPath = [];

/**
 * A SourceRef whose `line` (of `src`'s root) is found on first read (and kept);
 * an own enumerable getter, so it reads like a plain one (and a structured
 * clone copies it). A literal getter, not defineProperty: V8 keeps a literal's
 * shape fast, and 100,000 objects each have one.
 */
function lazyRef(doc: number, object: string, src: { lineOf(path: FieldPath): number }): SourceRef {
  let known: number | undefined;
  return {
    doc,
    object,
    get line() {
      return (known ??= src.lineOf(ROOT));
    },
  };
}

/**
 * One collected object. A class, not a literal with closures: 100,000 objects
 * share one `lineOf`, and an item's path (`items`, i) is built only when a
 * line is asked for.
 */
class CollectedObject implements K8sObject {
  readonly ref: SourceRef;

  constructor(
    readonly apiVersion: string,
    readonly kind: string,
    readonly name: string,
    readonly namespace: string | undefined,
    public body: Record<string, unknown>,
    private readonly at: FieldPath,
    private readonly item: number | undefined,
    private readonly ctx: DocContext,
  ) {
    this.ref = lazyRef(ctx.doc, `${kind} ${namespace === undefined ? name : `${namespace}/${name}`}`, this);
  }

  lineOf(path: FieldPath): number {
    return this.ctx.locate(pathOf(this.at, this.item, path));
  }

  release(): void {
    this.body = RELEASED;
  }
}

/** What a released object's fields read as: nothing (Fields.get answers undefined). */
const RELEASED: Record<string, unknown> = Object.freeze({});

/** `path` below the object at `base` (or at item `item` of the list at `base`). */
function pathOf(base: FieldPath, item: number | undefined, path: FieldPath): FieldPath {
  const at = item === undefined ? base : [...base, 'items', item];
  return path.length === 0 ? at : [...at, ...path];
}

/**
 * Reads `data` (found at `at` in its document) as a Kubernetes object, or as
 * a `kind: List` of them (what `kubectl get ... -o yaml|json` prints).
 */
export function collect(data: unknown, at: FieldPath, ctx: DocContext): void {
  collectAt(data, at, undefined, ctx);
}

/**
 * collect of `data` at `base` (item `item` of the list there when set). No closure per object, and the
 * path is built only when a message needs a line.
 */
function collectAt(data: unknown, base: FieldPath, item: number | undefined, ctx: DocContext): void {
  if (data === null || data === undefined) return;
  if (typeof data !== 'object' || Array.isArray(data)) {
    ctx.issues.push(notAnObject(ctx, ctx.locate(pathOf(base, item, ROOT)), say('scenario.not_object.mapping')));
    return;
  }
  const body = data as Record<string, unknown>;
  const kind = body['kind'];
  if (typeof kind !== 'string' || kind === '') {
    ctx.issues.push(notAnObject(ctx, ctx.locate(pathOf(base, item, ROOT)), say('scenario.not_object.kind')));
    return;
  }
  // `kind: List` (kubectl) and typed lists (`NodeList`, what cilium-sysdump writes): the API server leaves
  // kind and apiVersion out of a typed list's items, so they take them from the list.
  if (kind === 'List' || (kind.endsWith('List') && Array.isArray(body['items']))) {
    const items = inheritKind(body, kind);
    if (items === undefined || items === null) return;
    if (!Array.isArray(items)) {
      const line = ctx.locate(pathOf(base, item, ['items']));
      const text = say('scenario.at.field', { object: 'List', field: 'items', where: whereDoc(ctx.doc, line), text: say('scenario.must_be_sequence') });
      ctx.issues.push({ severity: 'error', message: english(text), text, line, doc: ctx.doc, field: 'items' });
      return;
    }
    const listAt = pathOf(base, item, ROOT);
    items.forEach((entry, i) => collectAt(entry, listAt, i, ctx));
    return;
  }
  const metadata = body['metadata'];
  const meta = metadata !== null && typeof metadata === 'object' ? (metadata as Record<string, unknown>) : {};
  // `name: 123` is read as "123" so the object's other errors are found; names.ts says it must be a string.
  const name = typeof meta['name'] === 'number' || typeof meta['name'] === 'boolean' ? String(meta['name']) : meta['name'];
  if (typeof name !== 'string' || name === '') {
    const line = ctx.locate(pathOf(base, item, ['metadata']));
    const text = say('scenario.at.field', { object: kind, field: 'metadata.name', where: whereDoc(ctx.doc, line), text: say('scenario.required') });
    ctx.issues.push({
      severity: 'error',
      message: english(text),
      text,
      object: kind,
      field: 'metadata.name',
      line,
      doc: ctx.doc,
    });
    return;
  }
  const given = typeof meta['namespace'] === 'string' && meta['namespace'] !== '' ? meta['namespace'] : undefined;
  const namespace = given ?? (NAMESPACED.has(kind) ? 'default' : undefined);
  const apiVersion = typeof body['apiVersion'] === 'string' ? body['apiVersion'] : '';
  ctx.objects.push(new CollectedObject(apiVersion, kind, name, namespace, body, base, item, ctx));
}

/**
 * Item `i` of the List `list` at the root of its document, read alone (json-list-stream.ts): what
 * collect of the whole List does for that item.
 */
export function collectItem(list: Record<string, unknown>, item: unknown, i: number, ctx: DocContext): void {
  const kind = list['kind'];
  collectAt(typeof kind === 'string' ? withListKind(item, list, kind) : item, ROOT, i, ctx);
}

/** A typed list's items with the kind and apiVersion it implies, where they lack their own. */
function inheritKind(list: Record<string, unknown>, kind: string): unknown {
  const items = list['items'];
  if (kind === 'List' || !Array.isArray(items)) return items;
  return items.map((item: unknown) => withListKind(item, list, kind));
}

/** One item of `list` (kind `kind`): a typed list's item takes its kind and apiVersion unless it has its own. */
function withListKind(item: unknown, list: Record<string, unknown>, kind: string): unknown {
  if (kind === 'List' || item === null || typeof item !== 'object' || Array.isArray(item)) return item;
  const apiVersion = list['apiVersion'];
  return { ...(typeof apiVersion === 'string' ? { apiVersion } : {}), kind: kind.slice(0, -'List'.length), ...(item as Record<string, unknown>) };
}

export function notAnObject({ format, doc }: Pick<DocContext, 'format' | 'doc'>, line: number, why: IssueText): ScenarioIssue {
  const text = say('scenario.at.object', { object: format, where: whereDoc(doc, line), text: say('scenario.not_object', { why }) });
  return {
    severity: 'error',
    message: english(text),
    text,
    line,
    doc,
  };
}
