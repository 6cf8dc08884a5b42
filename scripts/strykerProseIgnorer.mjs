// @ts-check
/**
 * Stryker ignorer plugin `prose` (configured for src/claims by scripts/mutate.ts, FOLDER_OPTIONS.claims):
 * leaves unmutated the string and template literals that are only shown to a reader, and nothing else.
 *
 * A literal is prose when it sits in one of these places, directly or through (only) the branches of
 * `cond ? a : b`, the `${…}` of an enclosing template literal, `+` (string concatenation), a spread `...`, or
 * the body of an arrow passed to `.map(…)`:
 *   - the value of an object property named in PROSE_KEYS (claim statements, sources, tolerance texts, part
 *     notes, explore summaries and outcomes, findings' sentences), or `name` beside an `id` (a part's title);
 *   - an element of an array that is the value of a property, or the initial value of a variable, named in
 *     PROSE_LISTS (routes, notes, findings), or the argument of `notes.push(…)`;
 *   - the argument of a call named in PROSE_ARGS at the position given there (a part's title in
 *     `part(claimId, id, name, property)`, the heading in `exampleRateNotes(s, heading, …)`).
 * Ids, part ids, verdicts, kinds, keys, stream names, refusal (`throw`) messages and inconclusive reasons
 * are not in these places and stay mutated. A template literal is ignored only when each of its `${…}` is a
 * plain read or a formatting call (PLAIN below): ignoring a node ignores every mutant inside it, so a template
 * whose `${…}` computes something (arithmetic, Math.min, a filter, a condition) stays mutated whole.
 */
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

/** Property names whose string value is prose. */
export const PROSE_KEYS = new Set([
  'statement',
  'source',
  'measure',
  'bound',
  'justification',
  'note',
  'label',
  'summary',
  'outcome',
  'sentence',
  'finding',
  'outside',
  'holdsMeans',
  'claimed',
  'found',
]);
/** Property or variable names whose array elements are prose. */
export const PROSE_LISTS = new Set(['routes', 'notes', 'findings']);
/** Functions one of whose arguments is prose: name → argument index. */
export const PROSE_ARGS = new Map([
  ['part', 2],
  ['exampleRateNotes', 1],
]);
/** Formatting functions and methods a plain `${…}` may call. */
const FORMATTERS = new Set(['fmt', 'String', 'toPrecision', 'toFixed', 'toExponential']);

const keyName = (/** @type {any} */ p) =>
  p.type === 'ObjectProperty' && !p.computed ? (p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : undefined) : undefined;

/** A `${…}` expression that reads or formats a value without computing one. */
function plain(/** @type {any} */ e) {
  switch (e.type) {
    case 'Identifier':
    case 'NumericLiteral':
    case 'StringLiteral':
      return true;
    case 'TSNonNullExpression':
      return plain(e.expression);
    case 'MemberExpression':
      return plain(e.object) && (!e.computed || e.property.type === 'NumericLiteral' || e.property.type === 'StringLiteral');
    case 'CallExpression': {
      const c = e.callee;
      const name = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' && !c.computed ? c.property.name : undefined;
      const target = c.type === 'MemberExpression' ? plain(c.object) : true;
      return FORMATTERS.has(name) && target && e.arguments.every(plain);
    }
    default:
      return false;
  }
}

/** Does a prose place reach through `node` to its sub-expression `child` (see the file comment)? */
function transparent(/** @type {any} */ node, /** @type {any} */ child) {
  switch (node.type) {
    case 'ConditionalExpression':
      return child !== node.test;
    case 'TemplateLiteral':
    case 'SpreadElement':
      return true;
    case 'BinaryExpression':
      return node.operator === '+';
    case 'ArrowFunctionExpression':
      return child === node.body;
    case 'CallExpression': {
      // `xs.map(x => …)`: entered from the arrow argument
      const c = node.callee;
      return c.type === 'MemberExpression' && !c.computed && c.property.name === 'map' && node.arguments[0] === child && child.type === 'ArrowFunctionExpression';
    }
    default:
      return false;
  }
}

/** Is the literal at `path` in a prose place (see the file comment)? */
function inProsePlace(/** @type {any} */ path) {
  let child = path;
  let parent = path.parentPath;
  // climb through the branches of conditionals, the ${…} of enclosing template literals, `+`, spreads and `.map(x => …)`
  while (parent && transparent(parent.node, child.node)) {
    child = parent;
    parent = parent.parentPath;
  }
  if (!parent) return false;
  const p = parent.node;
  if (p.type === 'ObjectProperty' && p.value === child.node) {
    const k = keyName(p);
    if (k === 'name') return parent.parentPath.node.properties.some((/** @type {any} */ q) => keyName(q) === 'id');
    return k !== undefined && PROSE_KEYS.has(k);
  }
  if (p.type === 'ArrayExpression') {
    const owner = parent.parentPath.node;
    if (owner.type === 'ObjectProperty' && owner.value === p) return PROSE_LISTS.has(keyName(owner) ?? '');
    if (owner.type === 'VariableDeclarator' && owner.init === p && owner.id.type === 'Identifier') return PROSE_LISTS.has(owner.id.name);
    return false;
  }
  if (p.type === 'CallExpression' && p.arguments.includes(child.node)) {
    const c = p.callee;
    if (c.type === 'Identifier') return PROSE_ARGS.get(c.name) === p.arguments.indexOf(child.node);
    return c.type === 'MemberExpression' && !c.computed && c.object.type === 'Identifier' && PROSE_LISTS.has(c.object.name) && c.property.name === 'push';
  }
  return false;
}

/** The ignorer: the reason for a prose literal, undefined for every other node. */
export const proseIgnorer = {
  shouldIgnore(/** @type {any} */ path) {
    const n = path.node;
    if (n.type === 'StringLiteral' || (n.type === 'TemplateLiteral' && n.expressions.every(plain))) {
      if (inProsePlace(path)) return 'prose: text only shown to a reader (scripts/strykerProseIgnorer.mjs)';
    }
    return undefined;
  },
};

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'prose', proseIgnorer)];
