// test/audit.test.ts in a project that depends on icl-audit (see github-actions.yml beside this file).
import { describeClaims, itChecksFormula } from 'icl-audit/vitest';

// The paper's claims, each a test; the seed comes from ICL_AUDIT_SEED.
describeClaims({ claims: ['C01', 'C06', 'C08', 'C10'], runs: 50 });

// Our own reading of the paper's formulas, checked against first-principles ground truth.
itChecksFormula('Γ⁻¹ as we implement it', { quantity: 'minimizer', formula: 'inv((1+1/N)*Lambda + trace(Lambda)/N*I)' });
itChecksFormula('a misreading we once shipped stays falsified', { quantity: 'minimizer', formula: 'inv(Lambda + trace(Lambda)/N*I)', expect: 'falsified' });
