/**
 * Gzipped size of the JavaScript a first visit downloads: the scripts
 * index.html loads (its module script and modulepreload links) and, through
 * Vite's manifest, their static imports, transitively. Dynamic imports and
 * the engine worker come later and are reported apart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface BundleSize {
  initial: { file: string; bytes: number; gzip: number }[];
  initialGzip: number;
  /** Every other .js file in the build (workers, lazy chunks). */
  otherGzip: number;
  otherFiles: number;
}

const gz = (path: string) => gzipSync(readFileSync(path)).length;

function allJs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.m?js$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

export function initialJs(outDir: string): BundleSize {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    files.add((m[1] ?? m[2]!).replace(/^\.?\//, ''));
  }
  const manifestPath = join(outDir, '.vite', 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
    const seen = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || seen.has(key)) return;
      seen.add(key);
      files.add(chunk.file);
      chunk.imports?.forEach(visit);
    };
    Object.entries(manifest).filter(([, c]) => c.isEntry && c.file.endsWith('.js')).forEach(([key, c]) => {
      if (files.has(c.file) || key === 'index.html') visit(key);
    });
  }
  const initial = [...files].map((file) => {
    const path = join(outDir, file);
    return { file, bytes: readFileSync(path).length, gzip: gz(path) };
  });
  const initialPaths = new Set(initial.map((f) => f.file));
  const others = allJs(outDir).filter((p) => !initialPaths.has(relative(outDir, p)));
  return {
    initial,
    initialGzip: initial.reduce((a, f) => a + f.gzip, 0),
    otherGzip: others.reduce((a, p) => a + gz(p), 0),
    otherFiles: others.length,
  };
}

/** Gzipped size of the built files behind script URLs the browser fetched (served from `outDir` at `base`). */
export function gzipOfFetched(outDir: string, base: string, urls: string[]): { files: string[]; gzip: number } {
  const files = [...new Set(urls.filter((u) => u.startsWith(base)).map((u) => new URL(u).pathname.replace(/^\//, '')))];
  return { files, gzip: files.reduce((a, f) => a + (existsSync(join(outDir, f)) ? gz(join(outDir, f)) : 0), 0) };
}
