import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The code that runs: the folder holding pipeline/ — the checkout itself under tsx (development,
 * tests), or dist/ when the compiled CLI runs.
 */
export const CODE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The project root (package.json): templates/, sources/<edition>/ and schemas/ live there. */
export const PROJECT_ROOT = existsSync(join(CODE_ROOT, 'package.json')) ? CODE_ROOT : dirname(CODE_ROOT);

/** templates/<kind>/ of the project, with its trailing slash. */
export const templatesDir = (kind: 'markdown' | 'pdf' | 'report'): string => join(PROJECT_ROOT, 'templates', kind) + '/';
