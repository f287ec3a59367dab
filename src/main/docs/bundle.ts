/** Builds the DocsBundle — the one document every docs output is rendered from — from a snapshot and the user's words. */
import type { DescriptionEntry, DocsBundle, DocsBundleWithOrphans, GlossaryTerm, LintRuleId } from '../../shared/docs';
import type { SchemaSnapshot } from '../../shared/schema';
import { computeCoverage } from './coverage';
import { lintSnapshot } from './lint';
import { targetIndex } from './targets';

/** What a bundle is built from. */
export interface BundleInput {
  snapshot: SchemaSnapshot;
  descriptions: readonly DescriptionEntry[] | ReadonlyMap<string, string>;
  glossary?: readonly GlossaryTerm[];
  disabledRules?: readonly LintRuleId[];
  /** Injected for reproducible output; defaults to now. */
  now?: Date;
}

/** Builds the bundle: descriptions of objects in the snapshot, glossary, coverage, lint; orphans listed apart. */
export function buildBundle(input: BundleInput): DocsBundleWithOrphans {
  const entries: DescriptionEntry[] =
    input.descriptions instanceof Map
      ? [...input.descriptions].map(([target, text]) => ({ target, text, updatedAt: '' }))
      : [...(input.descriptions as readonly DescriptionEntry[])];
  const index = targetIndex(input.snapshot);
  const descriptions: Record<string, string> = {};
  const orphans: DescriptionEntry[] = [];
  for (const e of [...entries].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0))) {
    if (index.has(e.target)) descriptions[e.target] = e.text;
    else orphans.push(e);
  }
  const bundle: DocsBundle = {
    snapshot: input.snapshot,
    descriptions,
    glossary: [...(input.glossary ?? [])],
    coverage: computeCoverage(input.snapshot, descriptions),
    lint: lintSnapshot(input.snapshot, descriptions, { disabled: input.disabledRules }),
    generatedAt: (input.now ?? new Date()).toISOString(),
  };
  return { ...bundle, orphans };
}
