import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../codec.ts';
import { initialMigration } from './001-initial.ts';
import { revisionsMigration } from './002-revisions.ts';
import { functionsMigration } from './003-functions.ts';
import { sandboxActivityMigration } from './004-sandbox-activity.ts';
import { verificationMigration } from './005-verification.ts';
import { promptImageMigration } from './006-prompt-image.ts';
import { teamsMigration } from './007-teams.ts';
import { functionRequirementsMigration } from './008-function-requirements.ts';

/**
 * Migrations come from code, not from scanning a folder, so they work the same from source, a
 * bundle or a compiled build. Names sort lexically: keep the zero-padded prefix.
 */
export class CodeMigrationProvider implements MigrationProvider {
  readonly #dialect: StoreDialect;

  constructor(dialect: StoreDialect) {
    this.#dialect = dialect;
  }

  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '001-initial': initialMigration(this.#dialect),
      '002-revisions': revisionsMigration(),
      '003-functions': functionsMigration(),
      '004-sandbox-activity': sandboxActivityMigration(),
      '005-verification': verificationMigration(),
      '006-prompt-image': promptImageMigration(),
      '007-teams': teamsMigration(),
      '008-function-requirements': functionRequirementsMigration(),
    };
  }
}
