export * from './table';
export * from './verifyReport';
export * from './merge';
export * from './figures/index';
export { renderSvg } from './svg';
export { renderHtmlReport, escapeHtml, type HtmlReportInput, type RenderedFigure } from './html';
export { TEX_STATEMENTS, SPEC_CLAIM_IDS } from './statements';
export { AUDIT_LIMITS, auditLimits } from './limits';
