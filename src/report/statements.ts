/**
 * The claims' statements with their formulas in TeX (between `$…$`), for the HTML report (KaTeX). Keyed
 * by the spec's claim id; a claim without an entry is shown with its plain statement, so new claims
 * appear without a change here.
 */
export const TEX_STATEMENTS: Readonly<Record<string, string>> = {
  C01: 'For $x \\sim \\mathcal N(0,\\Lambda)$ and any $A$: $\\mathbb E[xx^\\top A xx^\\top] = \\Lambda(A+A^\\top)\\Lambda + \\operatorname{tr}(A\\Lambda)\\Lambda$, and $\\mathbb E[SAS] = \\Lambda A\\Lambda + \\tfrac1N(\\Lambda A^\\top\\Lambda + \\operatorname{tr}(A\\Lambda)\\Lambda)$',
  C02: '$\\hat y$ depends only on the last row of $W^{PV}$ and the first $d$ columns of $W^{KQ}$',
  C03: 'The loss is non-convex: $H_\\tau = \\tfrac12 X_\\tau \\otimes (E_\\tau E_\\tau^\\top/N)$ has at least $d+1$ negative eigenvalues',
  C04: 'Under Assumption 3.3, $w_{21}^{PV}$ and $w_{21}^{KQ}$ stay $0$ and $(u, U)$ follow the reduced flow (5.4)',
  C05: '$u^2 - \\|U\\|_F^2$ is conserved along gradient flow (and is $0$ under Assumption 3.3)',
  C06: 'A stationary point with $u \\ne 0$ has $uU = \\Gamma^{-1}$, $\\Gamma = (1+\\tfrac1N)\\Lambda + \\tfrac{\\operatorname{tr}\\Lambda}{N} I_d$; $\\min \\tilde\\ell = -\\tfrac12\\operatorname{tr}(\\Lambda^2\\Gamma^{-1})$',
  C07: 'Along the flow: $\\|\\partial_U\\tilde\\ell\\|_F^2 + (\\partial_u\\tilde\\ell)^2 \\ge \\mu\\,(\\tilde\\ell - \\min\\tilde\\ell)$, so $\\tilde\\ell(t) - \\min \\le e^{-\\mu t}(\\tilde\\ell(0) - \\min)$',
  C08: 'Gradient flow from Assumption 3.3 with $\\sigma^2\\|\\Gamma\\|_{op}\\sqrt d < 2$ reaches $W^{KQ}_* = (\\operatorname{tr}\\Gamma^{-2})^{-1/4}\\begin{pmatrix}\\Gamma^{-1}&0\\\\0&0\\end{pmatrix}$, $W^{PV}_* = (\\operatorname{tr}\\Gamma^{-2})^{1/4}\\begin{pmatrix}0&0\\\\0&1\\end{pmatrix}$ and $\\min L = \\tfrac12[\\operatorname{tr}\\Lambda - \\operatorname{tr}(\\Gamma^{-1}\\Lambda^2)]$',
  C09: 'At the limit: $\\hat y = x_q^\\top \\Gamma^{-1} \\tfrac1M \\sum_i y_i x_i$',
  C10: 'Test error $= \\min_w \\mathbb E(\\langle w,x\\rangle - y)^2 + O(\\tfrac1M + \\tfrac1{N^2})$; Gaussian form $(1+\\tfrac1M)\\operatorname{tr}(\\Gamma^{-2}\\Lambda^3) + \\tfrac{\\operatorname{tr}\\Lambda}{M}\\operatorname{tr}(\\Gamma^{-2}\\Lambda^2) - 2\\operatorname{tr}(\\Gamma^{-1}\\Lambda^2) + \\operatorname{tr}\\Lambda$',
  C11: 'Task shift: with any $w$, $\\hat y \\approx x_q^\\top w$ for large $M$',
  C12: 'Query shift: prompts from $\\mathcal N(0,\\Lambda)$, $x_q$ from another law: $\\hat y \\approx x_q^\\top w$ for large $M$',
  C13: 'Covariate shift $\\Lambda\\to\\Lambda\'$: as $M\\to\\infty$ the error tends to $\\operatorname{tr}[(\\Gamma^{-1}\\Lambda\' - I)^\\top\\Lambda\'(\\Gamma^{-1}\\Lambda\' - I)] \\ne 0$; scaled by $c$: $\\hat y \\approx c^2 x_q^\\top w$',
  C14: 'Query shift with $M$ small and $x_q \\perp \\operatorname{span}\\{x_i\\}$: $\\hat y = 0$',
  C15: 'For $M\\to\\infty$ the Gaussian error tends to $\\operatorname{tr}[(\\Gamma^{-1}\\Lambda - I)^2\\Lambda] = O(1/N^2)$',
  C16: 'Random covariance: gradient flow converges to $W^{KQ}_* = \\|Q\\|_F^{-1/2}\\begin{pmatrix}Q&0\\\\0&0\\end{pmatrix}$, $Q = [\\mathbb E\\,\\Gamma_\\tau\\Lambda_\\tau^2]^{-1}\\mathbb E[\\Lambda_\\tau^2]$',
  C17: 'Random covariance, $\\operatorname{Exp}(1)$ entries: $\\mathbb E\\hat y \\to \\tfrac13\\langle w, x_q\\rangle$; finite $N$: $V_{jj} = 1/(3 + (d+5)/N)$',
  C18: 'Trained GPT-2 (Figure 1): copes with covariance scale $c = 1$, fails at $c = 4, 9$ when trained on a fixed covariance',
};

/** Every claim id of the spec (C01–C18), to list what a run did not check. */
export const SPEC_CLAIM_IDS: readonly string[] = Array.from({ length: 18 }, (_, k) => `C${String(k + 1).padStart(2, '0')}`);
