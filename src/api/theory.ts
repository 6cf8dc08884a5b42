/** The `theory` namespace of the public API: the paper's closed forms, as stated (src/theory). */
export { gamma, lemmaD2, lemmaD2Sample, reducedGradientPaper, reducedLossPaper, lemma53StationaryV, theorem41Limit, theorem41MinimumValue, theorem41SigmaBound, corollary43Predict, theorem42Error, paperFormulas } from '../theory';
export type { PaperFormulas } from '../theory';
