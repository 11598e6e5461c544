import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { createDataSource } from './data-source';
import { ensureDatabase, withDatabase } from './databases';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

export interface Database {
  dataSource: DataSource;
  /** The URL of the database (with its password), for connections outside the pool. */
  url: string;
  /** Where the data is, without the password. */
  description: string;
  close(): Promise<void>;
}

export const EMBEDDED_DATABASE_NAME = 'community_grid';

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL, and brings the
 * schema up to date. If anything fails half way, what was started is stopped.
 */
export async function openDatabase(config: Config): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let dataSource: DataSource | undefined;
  const close = async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  };
  try {
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort);
      url = withDatabase(embedded.url, EMBEDDED_DATABASE_NAME);
      await ensureDatabase(url);
    }
    // Migrations run without the API's time limits: on a large database they may take minutes.
    const migrator = createDataSource({ url, poolSize: 1 });
    await migrator.initialize();
    try {
      await migrator.runMigrations({ transaction: 'each' });
    } finally {
      await migrator.destroy();
    }
    dataSource = createDataSource({
      url,
      poolSize: config.databasePoolSize,
      acquireTimeoutMs: config.databaseAcquireTimeoutMs,
      statementTimeoutMs: config.statementTimeoutMs,
      idleInTransactionTimeoutMs: config.idleInTransactionTimeoutMs,
    });
    await dataSource.initialize();
    const where = new URL(url);
    return {
      dataSource,
      url,
      description: embedded
        ? `embedded PostgreSQL on port ${config.embeddedPostgresPort}, data in ${config.dataDir}`
        : `${where.hostname}:${where.port || 5432}${where.pathname}`,
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}
