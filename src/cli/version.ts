/** The package version (kept here for the command files; the library reads it from src/version.ts). */
export { VERSION } from '../version';
