import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { hasPermission, Permission, Role } from '@community-grid/shared';
import type { AuditChanges, AuditOperation } from '../modules/audit/audit-event.entity';
import { RolledBackError } from './errors';
import { MAX_COUNT } from './list/list-options';
import { Loaders } from './loaders';
import { Scope } from './scope';
import type { AuthCache } from '../modules/auth/auth-cache';
import { Clock, systemClock } from './time/clock';

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
 * request's DataLoaders, "today", a correlation id shared by every write of
 * the request, and per-request statistics.
 */
export class RequestContext {
  /** Replaced by the transaction's manager while a mutation runs. */
  em: EntityManager;
  readonly loaders: Loaders;
  readonly stats = { sqlStatements: 0 };
  readonly correlationId = randomUUID();
  /** Every audit row written by this request, in order (what a command reports as its changes). */
  readonly written: Array<{ operation: AuditOperation; entityType: string; entityId: number; changes: AuditChanges }> = [];
  principal: Principal | null = null;
  /** The server's memory of credentials: writes that end one drop it here at once (other servers hear it on commit). */
  authCache?: AuthCache;
  /** The part of the district this caller reaches; everything for internal work. */
  scope: Scope = Scope.SYSTEM;
  /** The most rows a top-level list's `totalItems` counts (see MAX_COUNT). */
  countCap = MAX_COUNT;

  constructor(
    readonly dataSource: DataSource,
    readonly http?: HttpExchange,
    readonly clock: Clock = systemClock,
  ) {
    this.em = dataSource.manager;
    this.loaders = new Loaders(() => this);
  }

  /** Today in the district, from the injectable clock. */
  get today(): string {
    return this.clock.today();
  }

  /** Who is acting; recorded with every write. */
  get actor(): { id: number | null; name: string } {
    return this.principal ? { id: this.principal.account.id, name: this.principal.account.username } : { id: null, name: 'system' };
  }

  can(permission: Permission): boolean {
    return !!this.principal && hasPermission(this.principal.account.role, permission);
  }

  /** The request's own transaction, open while a mutation operation runs (oneTransactionPerRequest). */
  private requestTransaction: { failed: boolean } | null = null;

  /**
   * Opens the transaction every mutation field of this request runs in, on the
   * request's connection. It ends with the request: committed only when no
   * field failed (endRequestTransaction).
   */
  async beginRequestTransaction(): Promise<void> {
    const runner = this.em.queryRunner;
    if (!runner || this.requestTransaction) throw new Error("A request transaction needs the request's own connection, once");
    await runner.startTransaction();
    this.requestTransaction = { failed: false };
  }

  get hasRequestTransaction(): boolean {
    return this.requestTransaction !== null;
  }

  /** Commits the request's transaction, or rolls it back (also when committing fails, which then throws). */
  async endRequestTransaction(commit: boolean): Promise<void> {
    const runner = this.em.queryRunner!;
    const failed = this.requestTransaction?.failed;
    this.requestTransaction = null;
    this.loaders.clearAll();
    if (!runner.isTransactionActive) return;
    if (commit && !failed) {
      try {
        await runner.commitTransaction();
        return;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    }
    await runner.rollbackTransaction();
  }

  /**
   * Runs one root mutation field in the request's transaction, and refuses to
   * run one outside it: a mutation never writes on its own. Once a field has
   * failed, the rest are not run (the request's changes are rolled back).
   */
  async inRequestTransaction<T>(work: () => Promise<T>): Promise<T> {
    const transaction = this.requestTransaction;
    if (!transaction) throw new Error("A mutation ran outside its request's transaction");
    if (transaction.failed) throw new RolledBackError();
    try {
      return await work();
    } catch (error) {
      transaction.failed = true;
      throw error;
    } finally {
      // Loaded rows may predate the write: later field resolvers must read afresh.
      this.loaders.clearAll();
    }
  }

  /** Marks the request's transaction as failed (a field below a mutation failed): it will be rolled back. */
  markRequestFailed(): void {
    if (this.requestTransaction) this.requestTransaction.failed = true;
  }

  /** Runs `work` in one transaction; nested calls join the open one (the request's, inside a mutation). */
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

  /**
   * Runs `work` inside the open transaction and undoes it when `dryRun`:
   * the same code as the real run, rolled back to a savepoint, so the
   * preview cannot disagree with what the real run would do.
   */
  async rehearsable<T>(dryRun: boolean, work: () => Promise<T>): Promise<T> {
    return this.transaction(async () => {
      if (!dryRun) return work();
      await this.em.query('SAVEPOINT dry_run');
      try {
        return await work();
      } finally {
        await this.em.query('ROLLBACK TO SAVEPOINT dry_run');
        this.loaders.clearAll();
      }
    });
  }
}

/** Lets the database logger attribute each SQL statement to the request that issued it. */
export const requestScope = new AsyncLocalStorage<RequestContext>();
