import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { SignInFailure } from '@community-grid/shared';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/errors';
import { decoyHash, verifyPassword } from '../../core/passwords';
import type { Principal, RequestContext } from '../../core/request-context';
import { Scope } from '../../core/scope';
import { Account } from './account.entity';
import { ApiToken, LoginThrottle, Session } from './credential.entities';

export const SESSION_COOKIE = 'cg_session';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/** Five failures are free; after that each one doubles the wait, up to 15 minutes. */
const FREE_FAILURES = 5;
const MAX_LOCK_SECONDS = 15 * 60;

const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');
const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

export class AuthService {
  policy: SessionPolicy = { idleMinutes: 120, maxHours: 12 };

  /**
   * Signs in with username and password. Wrong username and wrong password
   * get the same answer in the same time; repeated failures per username and
   * per client address are slowed down, whichever server instance they reach.
   */
  async login(ctx: RequestContext, username: string, password: string): Promise<Account> {
    const keys = [`user:${username.trim().toLowerCase()}`, `ip:${ctx.http?.clientIp ?? 'unknown'}`];
    const locked = await ctx.em.createQueryBuilder(LoginThrottle, 't')
      .where('t.key = ANY(:keys) AND t.lockedUntil > now()', { keys }).orderBy('t.lockedUntil', 'DESC').getOne();
    if (locked) {
      const retryAfterSeconds = Math.ceil((locked.lockedUntil!.getTime() - Date.now()) / 1000);
      throw new UnauthenticatedError(`Too many failed sign-ins; try again in ${retryAfterSeconds} s`,
        { reason: SignInFailure.TOO_MANY_ATTEMPTS, retryAfterSeconds });
    }
    const account = await ctx.em.findOne(Account, { where: { username: username.trim().toLowerCase() } });
    const valid = await verifyPassword(password, account?.passwordHash ?? await decoyHash());
    if (!account || !valid || account.disabled) {
      // Outside the mutation's transaction: the failed sign-in throws, and the count must survive that.
      for (const key of keys) await this.recordFailure(ctx.dataSource.manager, key);
      throw new UnauthenticatedError('Wrong username or password', { reason: SignInFailure.BAD_CREDENTIALS });
    }
    await ctx.em.delete(LoginThrottle, { key: keys[0] });
    const token = secret('');
    const now = new Date();
    await ctx.em.insert(Session, {
      tokenHash: sha256(token), accountId: account.id, lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.policy.maxHours * 3_600_000), revokedAt: null,
    });
    ctx.http?.setCookie(SESSION_COOKIE, token, this.policy.maxHours * 3_600_000);
    return account;
  }

  private async recordFailure(em: EntityManager, key: string): Promise<void> {
    await em.query(
      `INSERT INTO login_throttle (key, failures, locked_until, updated_at) VALUES ($1, 1, NULL, now())
       ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures + 1, updated_at = now(),
         locked_until = CASE WHEN login_throttle.failures + 1 > $2
           THEN now() + make_interval(secs => LEAST(power(2, login_throttle.failures + 1 - $2), $3)) END`,
      [key, FREE_FAILURES, MAX_LOCK_SECONDS]);
  }

  async logout(ctx: RequestContext): Promise<boolean> {
    if (ctx.principal?.sessionHash) {
      await ctx.em.update(Session, { tokenHash: ctx.principal.sessionHash }, { revokedAt: new Date() });
    }
    ctx.http?.clearCookie(SESSION_COOKIE);
    return true;
  }

  /** Finds who is calling from the session cookie or the bearer token; null when neither is valid. */
  async authenticate(dataSource: DataSource, credentials: { cookie?: string; bearer?: string }, today: string): Promise<{ principal: Principal; scope: Scope } | null> {
    const em = dataSource.manager;
    let principal: Principal | null = null;
    if (credentials.bearer) {
      const hash = sha256(credentials.bearer);
      const token = await em.createQueryBuilder(ApiToken, 't').innerJoinAndSelect('t.account', 'a')
        .where('t.tokenHash = :hash AND t.revokedAt IS NULL AND t.expiresAt > now() AND NOT a.disabled', { hash }).getOne();
      if (token) {
        principal = { account: token.account!, via: 'token', tokenId: token.id };
        if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
          await em.update(ApiToken, { id: token.id }, { lastUsedAt: new Date() });
        }
      }
    } else if (credentials.cookie) {
      const hash = sha256(credentials.cookie);
      const session = await em.createQueryBuilder(Session, 's').innerJoinAndSelect('s.account', 'a')
        .where(`s.tokenHash = :hash AND s.revokedAt IS NULL AND s.expiresAt > now()
          AND s.lastSeenAt > now() - make_interval(mins => :idle) AND NOT a.disabled`, { hash, idle: this.policy.idleMinutes })
        .getOne();
      if (session) {
        principal = { account: session.account!, via: 'session', sessionHash: hash };
        // Keeps the session alive while used; written at most once a minute.
        if (Date.now() - session.lastSeenAt.getTime() > 60_000) await em.update(Session, { tokenHash: hash }, { lastSeenAt: new Date() });
      }
    }
    return principal ? { principal, scope: await Scope.forAccount(em, principal.account, today) } : null;
  }

  listTokens(ctx: RequestContext): Promise<ApiToken[]> {
    return ctx.em.find(ApiToken, { where: { accountId: this.me(ctx).id }, order: { createdAt: 'DESC' } });
  }

  /** The token is returned once, here; only its hash is kept. */
  async createToken(ctx: RequestContext, name: string, expiresInDays: number): Promise<{ token: string; apiToken: ApiToken }> {
    if (ctx.principal?.via === 'token') throw new ForbiddenError('API tokens cannot create tokens; sign in to the dashboard');
    return this.issueToken(ctx.em, this.me(ctx).id, name, expiresInDays);
  }

  /** Makes a token for an account (also used by the benchmark and the tests to act as someone). */
  async issueToken(em: EntityManager, accountId: number, name: string, expiresInDays: number): Promise<{ token: string; apiToken: ApiToken }> {
    const token = secret('cg_');
    const { identifiers } = await em.insert(ApiToken, {
      accountId, name, tokenHash: sha256(token), prefix: token.slice(0, 10),
      expiresAt: new Date(Date.now() + expiresInDays * 86_400_000), revokedAt: null, lastUsedAt: null,
    });
    return { token, apiToken: await em.findOneByOrFail(ApiToken, { id: identifiers[0].id }) };
  }

  async revokeToken(ctx: RequestContext, id: number): Promise<ApiToken> {
    const token = await ctx.em.findOne(ApiToken, { where: { id, accountId: this.me(ctx).id } });
    if (!token) throw new NotFoundError('API token', id);
    token.revokedAt ??= new Date();
    await ctx.em.update(ApiToken, { id }, { revokedAt: token.revokedAt });
    return token;
  }

  /** Ends every session of an account (disabled, or its password reset). */
  async revokeSessions(em: EntityManager, accountId: number): Promise<void> {
    await em.createQueryBuilder().update(Session).set({ revokedAt: () => 'now()' })
      .where('account_id = :accountId AND revoked_at IS NULL', { accountId }).execute();
  }

  me(ctx: RequestContext): Principal['account'] {
    if (!ctx.principal) throw new UnauthenticatedError();
    return ctx.principal.account;
  }
}

export const authService = new AuthService();
