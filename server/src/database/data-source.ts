import 'reflect-metadata';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { entities } from '../modules';
import { migrations } from './migrations';
import { QueryCounterLogger } from './query-counter';
import { SnakeNamingStrategy } from './naming-strategy';

// Calendar dates stay 'YYYY-MM-DD' strings: turning them into Date objects shifts them across time zones.
types.setTypeParser(types.builtins.DATE, (value) => value);

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  logQueries?: boolean;
  /** How long to wait for a free connection of the pool (node-postgres waits forever without one). */
  acquireTimeoutMs?: number;
  /** PostgreSQL's statement_timeout for every connection of the pool; unset: no limit (migrations, seeding, benchmarks). */
  statementTimeoutMs?: number;
  /** PostgreSQL's idle_in_transaction_session_timeout for every connection of the pool. */
  idleInTransactionTimeoutMs?: number;
}

export function createDataSource({
  url,
  poolSize = 10,
  logQueries = false,
  acquireTimeoutMs = 10_000,
  statementTimeoutMs,
  idleInTransactionTimeoutMs,
}: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logger: new QueryCounterLogger(logQueries),
    maxQueryExecutionTime: 2_000,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: acquireTimeoutMs,
      // Sent as start-up parameters of each connection: they hold for every statement on it.
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
      ...(idleInTransactionTimeoutMs ? { idle_in_transaction_session_timeout: idleInTransactionTimeoutMs } : {}),
      idleTimeoutMillis: 30_000,
      application_name: 'community-grid',
    },
  });
}

/** For the TypeORM CLI (migration:generate / migration:run): `DATABASE_URL` names the database. */
export default createDataSource({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/community_grid' });
