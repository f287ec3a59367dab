/**
 * Where the third-party evaluation data lives (`../shared/eval` next to the project, or
 * QG_EVAL_DIR). Suites that use it skip with `evalMissing(...)` when it is absent.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The evaluation data folder. */
export const EVAL_DIR =
  process.env.QG_EVAL_DIR ??
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/eval');

/** The folder of one data set, or undefined when it is not present. */
export function evalDataset(name: 'pagila' | 'sakila-mysql' | 'bird-minidev'): string | undefined {
  const dir = join(EVAL_DIR, name);
  return existsSync(dir) ? dir : undefined;
}

/** The skip message for a missing data set. */
export function evalMissing(name: string): string {
  return `skipped: evaluation data set ${name} not found at ${join(EVAL_DIR, name)} (set QG_EVAL_DIR to the folder holding it)`;
}
