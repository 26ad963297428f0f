/**
 * YAML text → Kubernetes objects. Each `---` document is read on its own,
 * by the fast reader for kubectl's block YAML (yaml-fast.ts) or else by the
 * `yaml` package, and only its plain data is kept; a document's syntax tree
 * is built only when a message needs a line in it (docs/loading-notes.md has
 * the measurements behind this choice). Texts the cut could misread go to
 * yaml's parseAllDocuments whole, as before.
 */
import { isMap, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { collect, type DocContext, type Documents, type FieldPath } from './k8s-object.ts';
import { LineIndex } from './line-index.ts';
import { PROGRESS_EVERY, type OnProgress } from './progress.ts';
import { readFastYaml, UNSUPPORTED } from './yaml-fast.ts';
import { splitYamlDocuments } from './yaml-split.ts';
import { issueOf } from './issue-of.ts';
import { literal, say, whereDoc } from './issue-text.ts';

const PARSE = { prettyErrors: false } as const;

export function readYamlDocuments(text: string, progress?: OnProgress, totalBytes = text.length): Documents {
  const out: Documents = { objects: [], issues: [] };
  const lines = new LineIndex(text);
  const chunks = splitYamlDocuments(text);
  if (!chunks) {
    parseAllDocuments(text, PARSE).forEach((doc, index) => readDocument(doc as Document, index, 0, () => doc as Document, lines, out));
    return out;
  }
  chunks.forEach((chunk, index) => {
    if (progress && index % PROGRESS_EVERY === 0) {
      progress({ phase: 'parse', bytes: Math.round((chunk.offset / Math.max(1, text.length)) * totalBytes), totalBytes, objects: out.objects.length });
    }
    let tree: Document | undefined;
    // The tree is not kept: built again, once, if a message about this document needs a line.
    const again = () => (tree ??= parseDocument(chunk.text, PARSE));
    const fast = readFastYaml(chunk.text);
    if (fast === UNSUPPORTED) readDocument(parseDocument(chunk.text, PARSE), index, chunk.offset, again, lines, out);
    else collect(fast, [], context(index, chunk.offset, again, lines, out));
  });
  return out;
}

function readDocument(doc: Document, index: number, base: number, tree: () => Document, lines: LineIndex, out: Documents): void {
  for (const e of doc.errors) {
    const at = base + e.pos[0];
    const line = lines.lineAt(at);
    const message = e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
    const where = say('scenario.where.column', { where: whereDoc(index, line), column: lines.columnAt(at) });
    out.issues.push(issueOf('error', say('scenario.at.object', { object: 'YAML', where, text: literal(message) }), { line, doc: index }));
  }
  if (doc.errors.length > 0 || doc.contents === null) return;
  let data: unknown;
  try {
    // maxAliasCount bounds alias expansion (a "billion laughs" document).
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    const line = lines.lineAt(base + (doc.contents.range?.[0] ?? 0));
    const reason = err instanceof Error ? err.message : String(err);
    const text = say('scenario.at.object', { object: 'YAML', where: whereDoc(index, line), text: literal(reason) });
    out.issues.push(issueOf('error', text, { line, doc: index }));
    return;
  }
  collect(data, [], context(index, base, tree, lines, out));
}

function context(index: number, base: number, tree: () => Document, lines: LineIndex, out: Documents): DocContext {
  return {
    format: 'YAML',
    doc: index,
    locate: (path) => {
      const root = tree().contents;
      return lines.lineAt(base + (root ? offsetOf(root, path) : 0));
    },
    objects: out.objects,
    issues: out.issues,
  };
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
