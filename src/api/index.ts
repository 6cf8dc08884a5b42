/** The library functions behind the commands: each takes the command's options and returns its JSON report. */
export { verify, defaultRootSeed, type VerifyOptions } from './verify';
export { prove, type ProveRunOptions, type ProveReport } from './prove';
export { flow, type FlowRunOptions, type FlowReport } from './flow';
export { report, type ReportOptions, type ReportResult } from './report';
