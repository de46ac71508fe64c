export { AccountOwnedEntity } from './account-owned.entity';
export { AccountScope } from './account-scope';
export { DatabaseModule } from './database.module';
export { dataSourceOptions } from './data-source-options';
export { ensureDatabase, ServiceUnreachableError } from './ensure-database';
export { runMigrations } from './run-migrations';
export { SecretBox } from './secret-box';
export { AfterCommit } from './after-commit';
export { deleteOlderThan } from './delete-older-than';
