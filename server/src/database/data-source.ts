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
}

export function createDataSource({ url, poolSize = 10, logQueries = false }: DataSourceOptions): DataSource {
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
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      application_name: 'community-grid',
    },
  });
}

/** For the TypeORM CLI (migration:generate / migration:run): `DATABASE_URL` names the database. */
export default createDataSource({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/community_grid' });
