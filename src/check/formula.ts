/**
 * A user's formula, parsed and evaluated with mathjs (loaded on first use: it takes about a second to
 * load, and only `check` needs it). Unknown symbols and syntax errors are reported before anything runs.
 */
import type { Mat } from '../linalg/matrix';

/** A formula the user gave that cannot be used: the message names the problem (CLI: exit 2). */
export class FormulaError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaError';
  }
}

/** A parsed formula, ready to evaluate on instances. */
export interface CompiledFormula {
  text: string;
  /** Variables it uses. */
  symbols: string[];
  /** Evaluate with the given variables (matrices as arrays of rows); a number or a matrix. */
  evaluate(scope: Record<string, number | Mat>): number | Mat;
}

type MathJs = typeof import('mathjs');
let mathjs: Promise<MathJs> | null = null;
const loadMathjs = (): Promise<MathJs> => (mathjs ??= import('mathjs'));

/**
 * Parse `text` and check that it uses only `variables` and mathjs functions.
 * @throws FormulaError naming the parse error or the unknown symbol.
 */
export async function compileFormula(text: string, variables: readonly string[]): Promise<CompiledFormula> {
  if (text.trim() === '') throw new FormulaError('--formula is empty (give a mathjs expression)');
  const m = await loadMathjs();
  let node: import('mathjs').MathNode;
  try {
    node = m.parse(text);
  } catch (e) {
    throw new FormulaError(`--formula does not parse: ${(e as Error).message}`);
  }
  const symbols = new Set<string>();
  const unknown: string[] = [];
  node.traverse((n, _path, parent) => {
    if (!(n as { isSymbolNode?: boolean }).isSymbolNode) return;
    const name = (n as unknown as { name: string }).name;
    const isCallee = parent && (parent as { isFunctionNode?: boolean }).isFunctionNode && (parent as unknown as { fn: unknown }).fn === n;
    if (isCallee) {
      if (typeof (m as unknown as Record<string, unknown>)[name] !== 'function') unknown.push(`${name}()`);
      return;
    }
    if (variables.includes(name)) symbols.add(name);
    else if (!['pi', 'e', 'Infinity'].includes(name)) unknown.push(name);
  });
  if (unknown.length)
    throw new FormulaError(`--formula uses unknown symbol${unknown.length > 1 ? 's' : ''} ${[...new Set(unknown)].map((s) => `'${s}'`).join(', ')} (variables here: ${variables.join(', ')}; functions: any of mathjs's, e.g. inv, trace, transpose, det, norm, sqrt)`);
  const code = node.compile();
  return {
    text,
    symbols: [...symbols],
    evaluate(scope) {
      const s: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(scope)) s[k] = Array.isArray(v) ? m.matrix(v) : v;
      const r = code.evaluate(s) as unknown;
      const plain = m.isMatrix(r) ? (r.toArray() as unknown) : r;
      if (typeof plain === 'number') return plain;
      if (m.isComplex(plain as object)) return NaN;
      if (Array.isArray(plain)) {
        if (plain.every((row) => typeof row === 'number')) return plain.length === 1 ? (plain[0] as number) : [plain as number[]];
        return plain as Mat;
      }
      throw new FormulaError(`--formula gives a ${m.typeOf(plain)}, not a number or a matrix`);
    },
  };
}
