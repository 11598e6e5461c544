import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { Loaders } from './loaders';

/**
 * What every resolver and service receives first: the database handle for
 * this request (the transaction's EntityManager inside a mutation), the
 * request's DataLoaders, and per-request statistics.
 */
export class RequestContext {
  /** Replaced by the transaction's manager while a mutation runs. */
  em: EntityManager;
  readonly loaders: Loaders;
  readonly stats = { sqlStatements: 0 };
  /** Who is acting; recorded with every write. Anonymous until accounts exist. */
  actor: { id: number | null; name: string } = { id: null, name: 'anonymous' };

  constructor(readonly dataSource: DataSource) {
    this.em = dataSource.manager;
    this.loaders = new Loaders(() => this.em);
  }

  /** Runs `work` in one transaction; nested calls join the open one. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.em.queryRunner?.isTransactionActive) return work();
    const outer = this.em;
    try {
      return await this.dataSource.transaction(async (em) => {
        this.em = em;
        return work();
      });
    } finally {
      this.em = outer;
      // Loaded rows may predate the write: later field resolvers must read afresh.
      this.loaders.clearAll();
    }
  }
}

/** Lets the database logger attribute each SQL statement to the request that issued it. */
export const requestScope = new AsyncLocalStorage<RequestContext>();
