/**
 * Import boundaries, as a test rather than a comment. Data flows one way:
 * cli → claims (registry) → properties, proofs → routes (moments, symbolic, dynamics, montecarlo,
 * baselines) and theory → icl, lsa, kernels → contract, linalg, random.
 * The paper's formulas (src/theory) and the independent routes never import each other.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { findCycle, folderGraph, importEdges, violations, type BoundaryRule } from './importGraph';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
// src/check meets a user's formula with first-principles ground truth: a checking route like the others.
const ROUTES = ['src/moments', 'src/symbolic', 'src/dynamics', 'src/montecarlo', 'src/baselines', 'src/check'];
// The library functions behind the commands (src/api) and the vitest companion (src/vitest) sit beside the CLI.
const FACES = ['src/cli', 'barrel', 'src/report', 'src/api', 'src/vitest'];
const ABOVE_CONTRACT = ['src/claims', ...FACES, 'properties', 'proofs'];
const is = (...names: string[]) => (f: string) => names.includes(f);

const RULES: BoundaryRule[] = [
  { name: 'a checking route imports the paper\'s formulas (src/theory)', from: is(...ROUTES), to: is('src/theory') },
  { name: 'src/theory imports a checking route', from: is('src/theory'), to: is(...ROUTES, 'properties', 'proofs') },
  { name: 'something below the registry imports it, the CLI, the report or the barrel', from: (f) => !FACES.includes(f), to: is('src/claims', ...FACES) },
  { name: 'something other than the barrel imports the CLI', from: (f) => f !== 'barrel', to: is('src/cli') },
  { name: 'the contract imports something above it or a route', from: is('src/contract'), to: is(...ABOVE_CONTRACT, ...ROUTES, 'src/theory') },
  { name: 'the report or the library functions import the CLI or the vitest companion', from: is('src/report', 'src/api'), to: is('src/cli', 'src/vitest') },
  { name: 'properties and proofs import each other', from: is('properties', 'proofs'), to: is('properties', 'proofs') },
  { name: 'the base (linalg, random) imports a layer above it', from: is('src/linalg', 'src/random'), to: (f) => !['src/linalg', 'src/random', 'src/kernels', 'src/validate'].includes(f) },
  { name: 'the kernels import something other than src/linalg (draws are handed in, never made inside)', from: is('src/kernels'), to: (f) => !['src/kernels', 'src/linalg'].includes(f) },
  { name: 'the validators (src/validate, base level) import anything of icl-audit', from: is('src/validate'), to: () => true },
];

describe('import boundaries', () => {
  const edges = importEdges(ROOT, ['src', 'proofs', 'properties']);

  it('finds the imports it is meant to guard (the scanner sees the real graph)', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(edges.some((e) => e.from === 'src/claims' && e.to === 'properties')).toBe(true);
    expect(edges.some((e) => e.from === 'properties' && e.to === 'src/contract')).toBe(true);
  });

  it('breaks no boundary rule', () => {
    expect(violations(edges, RULES)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(findCycle(folderGraph(edges))).toBeNull();
  });

  it('catches a planted wrong import (a route importing src/theory; the contract importing the registry)', () => {
    const planted = [
      ...edges,
      { file: 'src/moments/planted.ts', from: 'src/moments', to: 'src/theory' },
      { file: 'src/contract/planted.ts', from: 'src/contract', to: 'src/claims' },
    ];
    const v = violations(planted, RULES);
    expect([...new Set(v.map((x) => x.file))].sort()).toEqual(['src/contract/planted.ts', 'src/moments/planted.ts']);
    expect(findCycle(folderGraph(planted))).not.toBeNull();
  });
});
