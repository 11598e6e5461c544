import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { hasPermission, Permission, Role } from '@community-grid/shared';
import { Loaders } from './loaders';
import { Scope } from './scope';

/** Who is calling, and how they proved it. */
export interface Principal {
  account: { id: number; username: string; displayName: string; role: Role; communityIds: number[]; gridIds: number[] };
  via: 'session' | 'token';
  sessionHash?: string;
  tokenId?: number;
}

/** The HTTP exchange, for what needs it (client address for throttling, setting the session cookie). */
export interface HttpExchange {
  clientIp: string;
  cookie(name: string): string | undefined;
  setCookie(name: string, value: string, maxAgeMs: number): void;
  clearCookie(name: string): void;
}

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
  principal: Principal | null = null;
  /** The part of the district this caller reaches; everything for district-wide roles and for internal work. */
  scope: Scope = Scope.DISTRICT;

  constructor(readonly dataSource: DataSource, readonly http?: HttpExchange) {
    this.em = dataSource.manager;
    this.loaders = new Loaders(() => this.em, () => this.scope);
  }

  /** Who is acting; recorded with every write. */
  get actor(): { id: number | null; name: string } {
    return this.principal ? { id: this.principal.account.id, name: this.principal.account.username } : { id: null, name: 'system' };
  }

  can(permission: Permission): boolean {
    return !!this.principal && hasPermission(this.principal.account.role, permission);
  }

  /** Runs `work` in one transaction; nested calls join the open one. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.em.queryRunner?.isTransactionActive) return work();
    const outer = this.em;
    try {
      // On the request's own connection when it has one: a request never needs two.
      return await this.em.transaction(async (em) => {
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
