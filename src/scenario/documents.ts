/**
 * A scenario text → Kubernetes objects, by its content: JSON (what
 * `kubectl get -o json` prints) takes JSON.parse, anything else the YAML
 * reader. `kind: List` is flattened into its items, empty documents are
 * skipped; every object can say on which line any of its fields sits.
 */
import { looksLikeJson, readJsonDocuments } from './json-documents.ts';
import type { Documents } from './k8s-object.ts';
import type { OnProgress } from './progress.ts';
import { readYamlDocuments } from './yaml-documents.ts';

export { where, type Documents, type FieldPath, type K8sObject } from './k8s-object.ts';

/** `stream`: a kubectl-printed JSON List may come item by item (see readJsonDocuments). */
export function readDocuments(text: string, progress?: OnProgress, totalBytes = text.length, stream = true): Documents {
  if (!looksLikeJson(text)) return readYamlDocuments(text, progress, totalBytes);
  const json = readJsonDocuments(text, progress, totalBytes, stream);
  if (!json.syntaxError) return json.docs;
  // `{apiVersion: v1, ...}` is YAML's flow style, not JSON: it is read as YAML when that reads it cleanly.
  const yaml = readYamlDocuments(text, progress, totalBytes);
  return yaml.issues.length === 0 ? yaml : json.docs;
}
