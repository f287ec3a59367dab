/**
 * The user's documentation of a saved connection, read straight from the app database — for
 * headless commands (`lint`, `docs`) that run without the app but should use what the user wrote.
 */
import type { DescriptionEntry, DocsBundleWithOrphans, GlossaryTerm, LintRuleId } from '../../shared/docs';
import type { SchemaSnapshot } from '../../shared/schema';
import { openAppDatabase } from '../app/appDb';
import { appPaths, defaultHome } from '../app/paths';
import { ConnectionStore } from '../connections/store';
import { buildBundle } from './bundle';
import { DocsStore } from './store';

/** What the app keeps for one connection. */
export interface SavedDocs {
  descriptions: DescriptionEntry[];
  glossary: GlossaryTerm[];
  disabledRules: LintRuleId[];
}

/** Reads the descriptions, glossary and disabled lint rules of a saved connection (by name or id). */
export function readSavedDocs(connection: string, appDbPath = appPaths(defaultHome()).appDb): SavedDocs {
  const { db } = openAppDatabase(appDbPath);
  try {
    const profile = new ConnectionStore(db).get(connection);
    const docs = new DocsStore(db);
    return { descriptions: docs.listDescriptions(profile.id), glossary: docs.glossary(profile.id), disabledRules: docs.lintSettings(profile.id).disabled };
  } finally {
    db.close();
  }
}

/** The bundle for a headless command: with `--conn NAME` the saved documentation, with `--url` only the database's comments. */
export function headlessBundle(snapshot: SchemaSnapshot, conn?: string, extraDisabled: readonly LintRuleId[] = []): DocsBundleWithOrphans {
  const saved = conn ? readSavedDocs(conn) : { descriptions: [], glossary: [], disabledRules: [] };
  return buildBundle({ snapshot, descriptions: saved.descriptions, glossary: saved.glossary, disabledRules: [...saved.disabledRules, ...extraDisabled] });
}
