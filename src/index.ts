/**
 * icl-audit's public API. The commands' library functions come first: `verify`, `prove`, `flow`,
 * `check` and `report` take the same options as `icl-audit <command>` and return the same JSON:
 *
 * ```ts
 * import { verify, check } from 'icl-audit';
 * const r = await verify({ claims: ['C06'], runs: 20 });
 * const c = await check({ quantity: 'minimizer', formula: 'inv((1+1/N)*Lambda + trace(Lambda)/N*I)' });
 * ```
 *
 * Below them, named export by named export (nothing internal leaks through `export *`; a
 * test lists these names against an allow-list). The model and its inputs are exported by name; each
 * route of a claim is a namespace of its own (`theory`, `moments`, `dynamics`, `montecarlo`, `symbolic`,
 * `baselines`, curated in `src/api/`), which keeps the wall between the paper's formulas and the checks that meet
 * them visible at the import site:
 *
 * ```ts
 * import { theory, moments, drawCovariance, stream } from 'icl-audit';
 * const lambda = drawCovariance('rotated', 4, stream(1), { kappa: 10 });
 * const exact = moments.trainingLossModel(lambda, 20);
 * const paper = theory.theorem41MinimumValue(lambda, 20);
 * ```
 */

// The commands as library functions (same options, same JSON).
export { verify, defaultRootSeed, type VerifyOptions } from './api/verify';
export { prove, type ProveRunOptions, type ProveReport } from './api/prove';
export { flow, type FlowRunOptions, type FlowReport } from './api/flow';
export { report, type ReportOptions, type ReportResult } from './api/report';
export { check, checkVariables, QUANTITIES, QUANTITY_SPECS, BASE_VARIABLES, FormulaError, compileFormula, type CheckOptions, type CheckCase, type FormulaCheckReport, type Quantity, type QuantityKind, type QuantitySpec, type Truth, type CompiledFormula, type Instance, type ShiftMode } from './check';
/** The installed package's version. */
export { VERSION } from './version';

// Matrices (plain arrays of rows).
export { identity, matmul, transpose, trace, inverse, conditionNumber, symmetricEigen, isSPD, spdProblem, type Mat } from './linalg/matrix';

// Seeds and random draws: one default seed, one derivation of sub-seeds, replayable streams.
export { DEFAULT_SEED, deriveSeed } from './random/seed';
export { Stream, stream } from './random/stream';
export { COVARIANCE_FAMILIES, drawCovariance, isCovarianceFamily, spectrumWithCondition, type CovarianceFamily, type CovarianceOptions } from './random/covariance';
export { randomRotation } from './random/rotation';

// The in-context regression task and its prompts.
export { trainingDistribution, resolveDistribution, type PromptDistribution, type ResolvedDistribution } from './icl/distribution';
export { samplePrompts, embedding, type PromptBatch } from './icl/prompts';
export { ENTRY_LAWS, entryMoment, drawEntry, parseEntryLaw, describeEntryLaw, type EntryLaw } from './icl/entryLaws';

// The linear self-attention model.
export { fullFromReduced, reducedFromFull, productV, balance, type LsaParams, type ReducedParams } from './lsa/params';
export { forward, readout, predictFull, predictReduced } from './lsa/forward';
export { randomTheta, initialReduced, initialParams } from './lsa/init';

// The claim contract: claims, checks, results, parts, tolerances.
export type { Verdict, Tolerance, Counterexample, PartResult, VerifiedResult, FalsifiedResult, InconclusiveResult, CheckResult, CheckContext, Claim } from './contract/types';
export { checkProperty, type CaseOutcome, type ClaimProperty, type PropertyCheckOptions } from './contract/propertyCheck';
export { combineParts, runParts, replayCommand, type ClaimPart } from './contract/parts';
export { UNIT_ROUNDOFF, gammaN } from './contract/tolerance';

// The registry of claims, running them, and the report.
export { claimRegistry, claimIds } from './claims/registry';
export { runClaims, claimSeed, type ClaimInfo, type ClaimReport, type RunClaimsOptions } from './claims/run';
export { verifyReport, renderVerifyReport, classifyFindings, type VerifyReport, type Finding } from './report/verifyReport';
export { KNOWN_FINDINGS, knownFinding, type KnownFinding } from './claims/findings';
export { mergeVerifyReports, type PartialVerifyReport, type ShardInfo } from './report/merge';
export { shardOf, type Shard } from './claims/shard';

// Validation at the boundary (docs/validation.md).
export { UsageError, assertValid, covarianceProblem, type CovarianceRules } from './validate';

// The routes, one namespace each.
export * as theory from './api/theory';
export * as moments from './api/moments';
export * as dynamics from './api/dynamics';
export * as montecarlo from './api/montecarlo';
export * as symbolic from './api/symbolic';
export * as baselines from './api/baselines';

export { main as runCli } from './cli/main';
