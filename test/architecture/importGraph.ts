/**
 * The folder-level import graph of the sources: which folder imports which. A folder is `src/<name>`
 * (`src/index.ts` is the barrel), `proofs` or `properties`. Used by the boundary test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Folder of a file relative to the project root: 'src/moments', 'proofs', 'barrel', … */
export function folderOf(rel: string): string {
  const parts = rel.split('/');
  if (parts[0] === 'src') {
    const name = parts[1].replace(/\.tsx?$/, '');
    return parts.length === 2 && name === 'index' ? 'barrel' : `src/${name}`;
  }
  return parts[0];
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTs(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Relative import specifiers of a source text (static imports, re-exports and dynamic imports). */
export function importsOf(text: string): string[] {
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) specs.push(m[1] ?? m[2]);
  return specs.filter((s) => s.startsWith('.'));
}

/** Edges file → imported folder, for every relative import under `roots` of `root`. */
export function importEdges(root: string, roots: readonly string[]): Array<{ file: string; from: string; to: string }> {
  const edges: Array<{ file: string; from: string; to: string }> = [];
  for (const r of roots) {
    for (const file of listTs(join(root, r))) {
      const rel = relative(root, file);
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const target = relative(root, resolve(dirname(file), spec));
        edges.push({ file: rel, from: folderOf(rel), to: folderOf(target) });
      }
    }
  }
  return edges;
}

/** Folder graph: from → set of folders it imports (self-edges dropped). */
export function folderGraph(edges: ReadonlyArray<{ from: string; to: string }>): Map<string, Set<string>> {
  const g = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.from === e.to) continue;
    if (!g.has(e.from)) g.set(e.from, new Set());
    g.get(e.from)!.add(e.to);
  }
  return g;
}

/** A cycle in the folder graph as a list of folders (first = last), or null when it is acyclic. */
export function findCycle(g: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (v: string): string[] | null => {
    state.set(v, 1);
    stack.push(v);
    for (const w of g.get(v) ?? []) {
      if (state.get(w) === 1) return [...stack.slice(stack.indexOf(w)), w];
      if (!state.has(w)) {
        const c = visit(w);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(v, 2);
    return null;
  };
  for (const v of g.keys()) {
    if (!state.has(v)) {
      const c = visit(v);
      if (c) return c;
    }
  }
  return null;
}

/** A rule: files in folders matching `from` must not import folders matching `to`. */
export interface BoundaryRule {
  name: string;
  from: (folder: string) => boolean;
  to: (folder: string) => boolean;
}

/** Edges that break a rule. */
export function violations(edges: ReadonlyArray<{ file: string; from: string; to: string }>, rules: readonly BoundaryRule[]) {
  const out: Array<{ rule: string; file: string; to: string }> = [];
  for (const e of edges) for (const r of rules) if (e.from !== e.to && r.from(e.from) && r.to(e.to)) out.push({ rule: r.name, file: e.file, to: e.to });
  return out;
}
