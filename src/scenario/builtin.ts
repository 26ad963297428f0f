/**
 * The built-in scenario opened when none is named: by the page, the CLI's
 * --scenario and the build's scenario list (which puts it first). A leaf
 * module, so the page's first script can import it without the loader.
 */
export const DEFAULT_SCENARIO = 'kans-lab';
