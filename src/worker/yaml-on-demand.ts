/**
 * The `yaml` package in the worker, fetched on first need. The scenario
 * loader (src/scenario) imports `yaml` for what its fast reader steps aside
 * from (yaml-fast.ts: anchors, tags, folded scalars ...) and to locate an
 * error's (or an ignored object's, or a policy rule's) line. A line in a
 * document the fast reader read is found without the package too (a tree of
 * positions, yaml-positions.ts), so the built-in scenarios need none of it
 * and the worker's build
 * resolves `yaml` to this module (vite.config.ts, worker plugins) and the
 * package (~30 KB gzipped) stays out of the first drawing. The CLI, the
 * tests and the build itself import the package as it is.
 *
 * The loader is synchronous: a call made before the package is here throws
 * (or is caught by the loader and turned into a message) and is remembered;
 * withYaml then fetches the package and runs the request again, so the
 * answer is the one the loader gives with the package at hand. Only a
 * small text (a built-in) may be read twice so: for a chosen file or a big
 * text the worker fetches the package first (`fetchFirst`, engine.worker.ts),
 * so a big cluster is never parsed twice.
 */
import type * as Yaml from 'yaml';
import { readFastYaml, UNSUPPORTED } from '../scenario/yaml-fast.ts';
import { isPositions, readPositions } from './yaml-positions.ts';

type YamlPackage = typeof Yaml;

let lib: YamlPackage | undefined;
let missed = false;

export class YamlNotLoaded extends Error {
  override readonly name = 'YamlNotLoaded';
  constructor() {
    super('the yaml package is being fetched');
  }
}

function missing(): never {
  missed = true;
  throw new YamlNotLoaded();
}

function need(): YamlPackage {
  return lib ?? missing();
}

// The names src/scenario imports from `yaml` (yaml-on-demand.test.ts keeps this list complete).
export const parseAllDocuments = ((...a: Parameters<YamlPackage['parseAllDocuments']>) => need().parseAllDocuments(...a)) as YamlPackage['parseAllDocuments'];
/**
 * yaml's parseDocument. Without the package, a document the fast reader reads is asked for only to find a
 * line in it (yaml-documents.ts locate): it gets a tree of positions (yaml-positions.ts), not yaml's nodes.
 */
export const parseDocument = ((...a: Parameters<YamlPackage['parseDocument']>) => {
  if (lib || readFastYaml(a[0]) === UNSUPPORTED) return need().parseDocument(...a);
  return { contents: readPositions(a[0], missing), errors: [] };
}) as YamlPackage['parseDocument'];
export const isMap = ((node: unknown) => (isPositions(node) ? node.kind === 'map' : need().isMap(node))) as YamlPackage['isMap'];
export const isScalar = ((node: unknown) => (isPositions(node) ? node.kind === 'scalar' : need().isScalar(node))) as YamlPackage['isScalar'];
export const isSeq = ((node: unknown) => (isPositions(node) ? node.kind === 'seq' : need().isSeq(node))) as YamlPackage['isSeq'];

/** yaml's parse; a document the fast reader reads (it reads what yaml would) needs no package. */
export const parse = ((src: string, ...rest: unknown[]) => {
  if (lib) return (lib.parse as (src: string, ...rest: unknown[]) => unknown)(src, ...rest);
  const fast = rest.length === 0 ? readFastYaml(src) : UNSUPPORTED;
  return fast === UNSUPPORTED ? need().parse(src) : fast;
}) as YamlPackage['parse'];

/**
 * Runs `attempt`; when it needed the package before it was here, fetches
 * the package and runs `attempt` again (its first answer or error is
 * dropped: it was given without the package). With `fetchFirst`, the
 * package is fetched before the first attempt.
 */
export async function withYaml<T>(
  attempt: () => Promise<T>, fetchFirst = false, load: () => Promise<YamlPackage> = () => import('yaml'),
): Promise<T> {
  if (!lib && fetchFirst) lib = await load();
  if (lib) return attempt();
  missed = false;
  try {
    const first = await attempt();
    if (!missed) return first;
  } catch (e) {
    if (!missed) throw e;
  }
  lib = await load();
  return attempt();
}
