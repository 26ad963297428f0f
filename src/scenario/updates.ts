/**
 * Objects that update each other. Two `kubectl get -o yaml` dumps taken a
 * moment apart and concatenated (or a later `kubectl get` appended) hold the
 * same object twice; the later one is what the API server holds now, so it
 * replaces the earlier one, as `kubectl apply` of the later file would.
 *
 * The rule: an object is known by kind, namespace and name (its `ref.object`).
 * A later YAML document replaces an earlier one, and `validate` lists each
 * replacement as a warning. Within one document (one `kind: List`, one dump)
 * the API server never returns an object twice, so two copies there
 * contradict each other: that stays an error.
 */
import type { K8sObject } from './documents.ts';
import type { Fields } from './fields.ts';
import { say, whereDoc } from './issue-text.ts';

export interface LastCopies {
  /** The last copy of each object. */
  last: Map<string, K8sObject>;
  /** Some object appears more than once (else every object is its own latest copy and isLatest need not run). */
  repeated: boolean;
}

/** The last document index at which each object appears. */
export function lastDocuments(objects: readonly K8sObject[]): LastCopies {
  const last = new Map<string, K8sObject>();
  for (const obj of objects) last.set(obj.ref.object, obj);
  return { last, repeated: last.size !== objects.length };
}

/**
 * Whether one object is read: false for a second copy in the same document
 * (an error) and for one a later document replaces (a warning names where).
 * `seen` holds the first copy of each object in each YAML document (by doc index).
 */
export function isLatest(obj: K8sObject, f: Fields, last: Map<string, K8sObject>, seen: Map<number, Map<string, K8sObject>>): boolean {
  // By document, then object: no `doc|object` string built per object.
  let inDoc = seen.get(obj.ref.doc);
  if (!inDoc) seen.set(obj.ref.doc, (inDoc = new Map()));
  const first = inDoc.get(obj.ref.object);
  if (first) {
    f.error(undefined, say('scenario.listed_twice_in_doc', { where: whereDoc(first.ref.doc, first.ref.line) }));
    return false;
  }
  inDoc.set(obj.ref.object, obj);
  const later = last.get(obj.ref.object);
  if (later && later.ref.doc !== obj.ref.doc) {
    f.warn(undefined, say('scenario.replaced_by_later', { where: whereDoc(later.ref.doc, later.ref.line) }));
    return false;
  }
  return true;
}
