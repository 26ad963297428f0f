/**
 * loadScenario: a scenario file's bytes (or pasted text) -> ClusterModel, or
 * every located error at once (DESIGN §3). The one entry the worker and the
 * CLI call: it decodes bytes, reads the objects by content (JSON or YAML,
 * documents.ts), reads each object by kind, joins the Cilium objects onto the
 * Kubernetes ones, then checks the cluster as a whole (validate.ts).
 */
import { CILIUM_CONFIG_OBJECT, checkCiliumConfig } from './config.ts';
import { decodeScenario } from './decode.ts';
import { readDocuments, where, type Documents, type K8sObject } from './documents.ts';
import { Fields } from './fields.ts';
import { issueOf } from './issue-of.ts';
import { CILIUM_CONFIG, IP_MASQ_AGENT, readCaptureStart, readCiliumConfig, readIpMasqAgent } from './kinds/configmap.ts';
import { readCiliumNode, readNode } from './kinds/node.ts';
import { readCiliumNetworkPolicy } from './kinds/ciliumnetworkpolicy.ts';
import { readNetworkPolicy } from './kinds/networkpolicy.ts';
import { podIpPath, readCiliumEndpoint, readPod } from './kinds/pod.ts';
import { readEndpointSlice, readService } from './kinds/service.ts';
import { joinEndpoints, joinNodes, joinSlices, type Collected } from './join.ts';
import type { LoadResult, PolicyModel, ScenarioIssue } from './model.ts';
import { isLatest, lastDocuments } from './updates.ts';
import { NOT_STREAMED } from './json-list-stream.ts';
import { checkNames } from './names.ts';
import { validateCluster, type Assembled } from './validate.ts';
import { PROGRESS_EVERY, type OnProgress } from './progress.ts';
import { say, whereDoc } from './issue-text.ts';

export { applySettings } from './config.ts';

/** What each kind is read as, by API group and kind; anything else is listed as ignored. */
const MODELLED: Record<string, string[]> = {
  v1: ['Node', 'Pod', 'Service', 'ConfigMap'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
  'networking.k8s.io/v1': ['NetworkPolicy'],
  'cilium.io/v2': ['CiliumNode', 'CiliumEndpoint', 'CiliumNetworkPolicy'],
};

/** A file's bytes (decoded by BOM, decode.ts) or text already decoded (pasted, built-in). */
export type ScenarioInput = string | Uint8Array;

export function loadScenario(input: ScenarioInput, name: string, progress?: OnProgress): LoadResult {
  // A format that is not text (a cilium-sysdump .zip: bytes starting with PK\x03\x04) branches here, before decoding.
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeScenario(input);
    if (!decoded.ok) return { ok: false, errors: [issueOf('error', decoded.says, { line: decoded.line, doc: 0, kind: 'encoding' })] };
    text = decoded.text;
  }
  const totalBytes = typeof input === 'string' ? text.length : input.length;
  try {
    return loadDocuments(readDocuments(text, progress, totalBytes), name, progress, totalBytes);
  } catch (err) {
    // A List that looked kubectl-printed but was not, item by item: read whole, as any other JSON.
    if (err !== NOT_STREAMED) throw err;
    return loadDocuments(readDocuments(text, progress, totalBytes, false), name, progress, totalBytes);
  }
}

/** The objects of a scenario, however they were read, to a model. */
export function loadDocuments(docs: Documents, name: string, progress?: OnProgress, totalBytes = 0): LoadResult {
  if (docs.issues.length > 0) return { ok: false, errors: docs.issues };
  const issues: ScenarioIssue[] = [];
  const ignored: string[] = [];
  const assembled: Assembled = { nodes: [], pods: [], services: [], brokenNodes: new Set() };
  const got: Collected = { nodes: [], ciliumNodes: [], endpoints: [], slices: [] };
  const seen = new Map<number, Map<string, K8sObject>>();
  // A later document's copy of an object is an update of it (updates.ts says the rule). A stream is one
  // document, so nothing in it is replaced; a copy twice in it is still found (isLatest's `seen`).
  const last = docs.stream ? { last: new Map<string, K8sObject>(), repeated: true } : lastDocuments(docs.objects);
  const policies: PolicyModel[] = [];

  const totalObjects = docs.objects.length;
  const read = (obj: K8sObject, i: number) => {
    if (progress && !docs.stream && i % PROGRESS_EVERY === 0) progress({ phase: 'validate', bytes: totalBytes, totalBytes, objects: i, totalObjects });
    const f = new Fields(obj, issues);
    if (last.repeated && !isLatest(obj, f, last.last, seen)) return;
    if (obj.apiVersion === '') {
      f.error(['apiVersion'], say('scenario.required'));
      return;
    }
    // Own keys only: an apiVersion of `__proto__` or `constructor` must not find Object's.
    if (!(Object.hasOwn(MODELLED, obj.apiVersion) && MODELLED[obj.apiVersion]?.includes(obj.kind))) {
      const known = Object.values(MODELLED).some((kinds) => kinds.includes(obj.kind));
      ignore(obj, known ? `apiVersion ${obj.apiVersion} is not modelled` : 'kind not modelled', ignored);
      return;
    }
    checkNames(f);
    if (obj.kind === 'NetworkPolicy') policies.push(readNetworkPolicy(f));
    else if (obj.kind === 'CiliumNetworkPolicy') policies.push(readCiliumNetworkPolicy(f));
    else readOne(obj, f, assembled, got, ignored);
  };
  if (docs.stream) {
    let i = 0;
    docs.stream.forEach((obj) => read(obj, i++));
    // What the stream found that is not an object (a string item, an item without kind) stops the load, as it would read whole.
    if (docs.issues.length > 0) return { ok: false, errors: docs.issues };
  } else docs.objects.forEach(read);

  // The cluster-wide steps say they are still at it between them (a page's bar should move every 500 ms).
  const alive = () => progress?.({ phase: 'validate', bytes: totalBytes, totalBytes, objects: totalObjects, totalObjects });
  alive();
  joinNodes(got, assembled, issues);
  joinEndpoints(got, assembled);
  alive();
  joinSlices(got, assembled);
  const config = got.config ?? checkCiliumConfig({}).config;
  if (!got.config) {
    issues.push(issueOf('warning', say('scenario.no_config', { object: CILIUM_CONFIG_OBJECT })));
  }
  if (got.nonMasqueradeCIDRs) config.nonMasqueradeCIDRs = got.nonMasqueradeCIDRs;
  alive();
  validateCluster(assembled);
  if (assembled.nodes.length === 0 && !issues.some((i) => i.severity === 'error')) {
    issues.push(issueOf('error', say('scenario.no_nodes', { where: whereDoc(0, 1) }), { line: 1, doc: 0 }));
  }

  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    model: {
      name,
      nodes: assembled.nodes.map((n) => n.model),
      pods: assembled.pods.map((p) => p.model),
      services: assembled.services.map((s) => s.model),
      config,
      ...(got.captureStartUs !== undefined ? { captureStartUs: got.captureStartUs } : {}),
      policies,
      ignored,
      warnings: issues,
    },
  };
}

function readOne(obj: K8sObject, f: Fields, out: Assembled, got: Collected, ignored: string[]): void {
  switch (obj.kind) {
    case 'Node':
      got.nodes.push({ draft: readNode(f), f });
      return;
    case 'CiliumNode':
      got.ciliumNodes.push(readCiliumNode(f));
      return;
    // Pods and their endpoints are nearly all of a big cluster's objects: once read, their bodies go (the
    // later checks only place messages, and lines come from the text).
    case 'Pod':
      out.pods.push({ model: readPod(f), f, ipPath: podIpPath(f) });
      obj.release?.();
      return;
    case 'CiliumEndpoint':
      got.endpoints.push(readCiliumEndpoint(f));
      obj.release?.();
      return;
    case 'Service': {
      const svc = readService(f);
      if ('ignored' in svc) ignore(obj, svc.ignored, ignored);
      else out.services.push({ model: svc, f });
      return;
    }
    case 'EndpointSlice': {
      const slice = readEndpointSlice(f);
      if ('ignored' in slice) ignore(obj, slice.ignored, ignored);
      else got.slices.push(slice);
      return;
    }
    case 'ConfigMap':
      if (obj.namespace === CILIUM_CONFIG.namespace && obj.name === CILIUM_CONFIG.name) {
        got.config = readCiliumConfig(f);
        got.captureStartUs = readCaptureStart(f);
      }
      else if (obj.namespace === IP_MASQ_AGENT.namespace && obj.name === IP_MASQ_AGENT.name) {
        got.nonMasqueradeCIDRs = readIpMasqAgent(f);
      } else ignore(obj, 'not a ConfigMap the agent reads', ignored);
      return;
    default:
      ignore(obj, 'kind not modelled', ignored);
  }
}

function ignore(obj: K8sObject, reason: string, ignored: string[]): void {
  ignored.push(`${obj.ref.object} (${where(obj.ref.doc, obj.ref.line)}): ${reason}`);
}
