import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { ConflictReason, SignInFailure } from '@community-grid/shared';
import { ConflictError, FieldProblems, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/errors';
import { parseId } from '../../core/list/list-query-builder';
import { decoyHash, verifyPassword } from '../../core/passwords';
import type { Principal, RequestContext } from '../../core/request-context';
import { Scope } from '../../core/scope';
import { Account } from './account.entity';
import { ApiToken, KnownClient, LoginThrottle, Session } from './credential.entities';
import { AuditOperation } from '../audit/audit-event.entity';
import type { AuthCache } from './auth-cache';
import { auditService } from '../audit/audit.service';

export const SESSION_COOKIE = 'cg_session';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export const KNOWN_CLIENT_COOKIE = 'cg_client';
const KNOWN_CLIENT_DAYS = 180;
/** Longest username an account can have (the column), and longest password anyone can set. */
const MAX_USERNAME_LENGTH = 50;
const MAX_PASSWORD_LENGTH = 200;
/** Active (unrevoked, unexpired) API tokens one account may hold. */
export const MAX_ACTIVE_TOKENS = 20;

/**
 * Sign-in throttling, per key: `free` failures cost nothing; each one after
 * that doubles the wait, up to `maxLockSeconds`; one failure is forgotten per
 * `decaySeconds` without failures. README describes the policy.
 */
interface ThrottlePolicy {
  free: number;
  maxLockSeconds: number;
  decaySeconds: number;
}
/** An address may be an office's NAT: more free failures, and a success from it clears them. */
const ADDRESS_POLICY: ThrottlePolicy = { free: 10, maxLockSeconds: 15 * 60, decaySeconds: 60 };
/** Anyone can fail for a username: its wait never exceeds a minute, so a stranger cannot lock its owner out for long. */
const USERNAME_POLICY: ThrottlePolicy = { free: 5, maxLockSeconds: 60, decaySeconds: 60 };
/** A known client is held back by its own failures only. */
const KNOWN_CLIENT_POLICY: ThrottlePolicy = { free: 5, maxLockSeconds: 15 * 60, decaySeconds: 60 };

const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');
const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

export class AuthService {
  policy: SessionPolicy = { idleMinutes: 120, maxHours: 12 };

  /**
   * Signs in with username and password. Wrong username and wrong password
   * get the same answer in the same time. Failures are throttled per username
   * and per client address, whichever server instance they reach; a browser
   * that signed in to the account before (known client) is throttled by its
   * own failures only, so the owner still gets in while a stranger guesses.
   */
  async login(ctx: RequestContext, rawUsername: string, password: string): Promise<Account> {
    const username = rawUsername.trim().toLowerCase();
    const addressKey = `ip:${(ctx.http?.clientIp ?? 'unknown').slice(0, 100)}`;
    const problems = new FieldProblems();
    // Bounded before anything is looked up or counted: no account has a longer username.
    if (username.length > MAX_USERNAME_LENGTH) problems.add('username', `must be at most ${MAX_USERNAME_LENGTH} characters`);
    if (password.length > MAX_PASSWORD_LENGTH) problems.add('password', `must be at most ${MAX_PASSWORD_LENGTH} characters`);
    if (!problems.empty) {
      await this.recordFailure(ctx.dataSource.manager, addressKey, ADDRESS_POLICY);
      problems.throwIfAny();
    }
    const account = await ctx.em.findOne(Account, { where: { username } });
    const clientCookie = ctx.http?.cookie(KNOWN_CLIENT_COOKIE);
    const known =
      account && clientCookie
        ? await ctx.em.findOne(KnownClient, { where: { tokenHash: sha256(clientCookie), accountId: account.id } })
        : null;
    const throttles: Array<[string, ThrottlePolicy]> = known
      ? [[`client:${known.tokenHash}`, KNOWN_CLIENT_POLICY]]
      : [
          [`user:${username}`, USERNAME_POLICY],
          [addressKey, ADDRESS_POLICY],
        ];
    const keys = throttles.map(([key]) => key);
    const locked = await ctx.em
      .createQueryBuilder(LoginThrottle, 't')
      .where('t.key = ANY(:keys) AND t.lockedUntil > now()', { keys })
      .orderBy('t.lockedUntil', 'DESC')
      .getOne();
    if (locked) {
      const retryAfterSeconds = Math.ceil((locked.lockedUntil!.getTime() - Date.now()) / 1000);
      throw new UnauthenticatedError(`Too many failed sign-ins; try again in ${retryAfterSeconds} s`, {
        reason: SignInFailure.TOO_MANY_ATTEMPTS,
        retryAfterSeconds,
      });
    }
    const valid = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
    if (!account || !valid || account.disabled) {
      // Outside the mutation's transaction: the failed sign-in throws, and the count must survive that.
      for (const [key, policy] of throttles) await this.recordFailure(ctx.dataSource.manager, key, policy);
      throw new UnauthenticatedError('Wrong username or password', { reason: SignInFailure.BAD_CREDENTIALS });
    }
    // A success clears the address's failures and those of the way in: the username's, or the known client's
    // (the owner signing in from a known browser does not give a stranger guessing at the username a fresh start).
    await ctx.em.delete(LoginThrottle, { key: In([...new Set([addressKey, ...keys])]) });
    const token = secret('');
    const now = new Date();
    await ctx.em.insert(Session, {
      tokenHash: sha256(token),
      accountId: account.id,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.policy.maxHours * 3_600_000),
      revokedAt: null,
    });
    ctx.http?.setCookie(SESSION_COOKIE, token, this.policy.maxHours * 3_600_000);
    if (known) {
      await ctx.em.update(KnownClient, { tokenHash: known.tokenHash }, { lastUsedAt: now });
    } else {
      const clientSecret = secret('');
      await ctx.em.insert(KnownClient, { tokenHash: sha256(clientSecret), accountId: account.id, lastUsedAt: now });
      ctx.http?.setCookie(KNOWN_CLIENT_COOKIE, clientSecret, KNOWN_CLIENT_DAYS * 86_400_000);
    }
    return account;
  }

  /** Counts one failure for `key`, after forgetting one per `decaySeconds` of quiet, and sets the wait. */
  private async recordFailure(em: EntityManager, key: string, policy: ThrottlePolicy): Promise<void> {
    await em.query(
      `WITH previous AS (
         SELECT GREATEST(failures - floor(extract(epoch FROM now() - updated_at) / $4)::int, 0) AS failures
         FROM login_throttle WHERE key = $1
       ), next AS (SELECT COALESCE((SELECT failures FROM previous), 0) + 1 AS failures)
       INSERT INTO login_throttle (key, failures, locked_until, updated_at)
       SELECT $1, next.failures,
         CASE WHEN next.failures > $2 THEN now() + make_interval(secs => LEAST(power(2, next.failures - $2), $3)) END, now()
       FROM next
       ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, locked_until = EXCLUDED.locked_until, updated_at = now()`,
      [key, policy.free, policy.maxLockSeconds, policy.decaySeconds],
    );
  }

  /** Ends the credential the caller used: the session (and its cookie), or the API token, revoked for good. */
  async logout(ctx: RequestContext): Promise<boolean> {
    const principal = ctx.principal;
    ctx.http?.clearCookie(SESSION_COOKIE);
    if (principal) ctx.authCache?.forget(String(principal.account.id));
    if (principal?.via === 'token' && principal.tokenId) {
      await ctx.em.update(ApiToken, { id: principal.tokenId }, { revokedAt: new Date() });
      return true;
    }
    if (principal?.sessionHash) {
      await ctx.em.update(Session, { tokenHash: principal.sessionHash }, { revokedAt: new Date() });
      return true;
    }
    return false;
  }

  /**
   * Finds who is calling from the session cookie or the bearer token; null when neither is valid.
   * With a cache, a credential seen in the last minute is answered from memory (no statement) until
   * the database notifies a change to its account, token, session or reach.
   */
  async authenticate(
    em: EntityManager,
    credentials: { cookie?: string; bearer?: string },
    today: string,
    cache?: AuthCache,
  ): Promise<{ principal: Principal; scope: Scope } | null> {
    const key = credentials.bearer
      ? `token:${sha256(credentials.bearer)}`
      : credentials.cookie
        ? `session:${sha256(credentials.cookie)}`
        : null;
    if (!key) return null;
    const cached = cache?.get(key, today);
    if (cached && (credentials.bearer || Date.now() - cached.touchedAt < this.policy.idleMinutes * 60_000)) {
      // Still marks the credential as used, at most once a minute, as an uncached request would.
      if (Date.now() - cached.touchedAt > 60_000) {
        cached.touchedAt = Date.now();
        if (credentials.bearer) await em.update(ApiToken, { id: cached.principal.tokenId }, { lastUsedAt: new Date() });
        else await em.update(Session, { tokenHash: cached.principal.sessionHash }, { lastSeenAt: new Date() });
      }
      return { principal: cached.principal, scope: cached.scope };
    }
    let principal: Principal | null = null;
    let expiresAt = 0;
    if (credentials.bearer) {
      const hash = sha256(credentials.bearer);
      const found = await this.lookUp(
        em,
        `SELECT t.id AS credential_id, t.expires_at AS credential_expires_at, a.* FROM api_token t JOIN account a ON a.id = t.account_id
          WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND NOT a.disabled`,
        "UPDATE api_token SET last_used_at = now() WHERE id = (SELECT credential_id FROM found) AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
        [hash],
      );
      if (found) {
        principal = { account: found.account, via: 'token', tokenId: found.credentialId };
        expiresAt = found.expiresAt;
      }
    } else if (credentials.cookie) {
      const hash = sha256(credentials.cookie);
      const found = await this.lookUp(
        em,
        `SELECT s.account_id AS credential_id, s.expires_at AS credential_expires_at, a.* FROM session s JOIN account a ON a.id = s.account_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2) AND NOT a.disabled`,
        // Keeps the session alive while used; written at most once a minute.
        "UPDATE session SET last_seen_at = now() WHERE token_hash = $1 AND EXISTS (SELECT 1 FROM found) AND last_seen_at < now() - interval '1 minute'",
        [hash, this.policy.idleMinutes],
      );
      if (found) {
        principal = { account: found.account, via: 'session', sessionHash: hash };
        expiresAt = found.expiresAt;
      }
    }
    // Marked as used just now (or within the last minute): the cache marks it again a minute from now.
    const touchedAt = Date.now();
    if (!principal) return null;
    const scope = await Scope.forAccount(em, principal.account, today);
    cache?.set(key, { principal, scope, day: today, expiresAt, touchedAt });
    return { principal, scope };
  }

  /**
   * One statement finds a credential's account and marks the credential as used (at most once a minute):
   * `find` selects the credential's id and expiry and the account's columns; `touch` may read its row as `found`.
   */
  private async lookUp(
    em: EntityManager,
    find: string,
    touch: string,
    parameters: unknown[],
  ): Promise<{ account: Account; credentialId: number; expiresAt: number } | null> {
    const [raw] = await em.query(`WITH found AS (${find}), touched AS (${touch} RETURNING 1) SELECT * FROM found`, parameters);
    if (!raw) return null;
    const metadata = em.connection.getMetadata(Account);
    const account = metadata.create() as Account;
    for (const column of metadata.columns) {
      (account as unknown as Record<string, unknown>)[column.propertyName] = em.connection.driver.prepareHydratedValue(
        raw[column.databaseName],
        column,
      );
    }
    return { account, credentialId: Number(raw.credential_id), expiresAt: new Date(raw.credential_expires_at).getTime() };
  }

  listTokens(ctx: RequestContext): Promise<ApiToken[]> {
    return this.tokensOf(ctx.em, this.me(ctx).id);
  }

  /** Any account's tokens, for administrators. */
  async listAccountTokens(ctx: RequestContext, accountId: string): Promise<ApiToken[]> {
    const id = parseId(accountId);
    if (id === null || !(await ctx.em.exists(Account, { where: { id } }))) throw new NotFoundError('Account', accountId);
    return this.tokensOf(ctx.em, id);
  }

  private tokensOf(em: EntityManager, accountId: number): Promise<ApiToken[]> {
    return em.find(ApiToken, { where: { accountId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** The token is returned once, here; only its hash is kept. An account holds at most MAX_ACTIVE_TOKENS. */
  async createToken(ctx: RequestContext, name: string, expiresInDays: number): Promise<{ token: string; apiToken: ApiToken }> {
    if (ctx.principal?.via === 'token') throw new ForbiddenError('API tokens cannot create tokens; sign in to the dashboard');
    const accountId = this.me(ctx).id;
    // The account's row is locked so that concurrent requests cannot both take the last place.
    await ctx.em.query('SELECT id FROM account WHERE id = $1 FOR UPDATE', [accountId]);
    const [{ active }] = await ctx.em.query(
      'SELECT COUNT(*)::int AS active FROM api_token WHERE account_id = $1 AND revoked_at IS NULL AND expires_at > now()',
      [accountId],
    );
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new ConflictError(ConflictReason.LIMIT_REACHED, `An account may hold ${MAX_ACTIVE_TOKENS} active API tokens; revoke one first`);
    }
    return this.issueToken(ctx.em, accountId, name, expiresInDays);
  }

  /** Makes a token for an account (also used by the benchmark and the tests to act as someone). */
  async issueToken(
    em: EntityManager,
    accountId: number,
    name: string,
    expiresInDays: number,
  ): Promise<{ token: string; apiToken: ApiToken }> {
    const token = secret('cg_');
    const { identifiers } = await em.insert(ApiToken, {
      accountId,
      name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
      expiresAt: new Date(Date.now() + expiresInDays * 86_400_000),
      revokedAt: null,
      lastUsedAt: null,
    });
    return { token, apiToken: await em.findOneByOrFail(ApiToken, { id: identifiers[0].id }) };
  }

  /** Revokes one of my tokens. */
  async revokeToken(ctx: RequestContext, rawId: string): Promise<ApiToken> {
    const id = parseId(rawId);
    const token = id === null ? null : await ctx.em.findOne(ApiToken, { where: { id, accountId: this.me(ctx).id } });
    if (!token) throw new NotFoundError('API token', rawId);
    return this.revoke(ctx, token);
  }

  /** Revokes any account's token (administrators); recorded in the audit trail. */
  async revokeAccountToken(ctx: RequestContext, rawId: string): Promise<ApiToken> {
    const id = parseId(rawId);
    const token = id === null ? null : await ctx.em.findOne(ApiToken, { where: { id } });
    if (!token) throw new NotFoundError('API token', rawId);
    const wasActive = token.revokedAt === null;
    const revoked = await this.revoke(ctx, token);
    if (wasActive) {
      await auditService.record(ctx, AuditOperation.UPDATE, 'ApiToken', token.id, {
        revokedAt: { before: null, after: revoked.revokedAt!.toISOString() },
        accountId: { before: token.accountId, after: token.accountId },
      });
    }
    return revoked;
  }

  private async revoke(ctx: RequestContext, token: ApiToken): Promise<ApiToken> {
    token.revokedAt ??= new Date();
    ctx.authCache?.forget(String(token.accountId));
    await ctx.em.update(ApiToken, { id: token.id }, { revokedAt: token.revokedAt });
    return token;
  }

  /**
   * Ends every session and revokes every API token of an account, for good
   * (re-enabling the account brings none back), and forgets its known clients.
   * Called when its password is reset, its role or reach changes, or it is disabled.
   */
  async revokeCredentials(em: EntityManager, accountId: number): Promise<void> {
    await em
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: () => 'now()' })
      .where('account_id = :accountId AND revoked_at IS NULL', { accountId })
      .execute();
    await em
      .createQueryBuilder()
      .update(ApiToken)
      .set({ revokedAt: () => 'now()' })
      .where('account_id = :accountId AND revoked_at IS NULL', { accountId })
      .execute();
    await em.delete(KnownClient, { accountId });
  }

  me(ctx: RequestContext): Principal['account'] {
    if (!ctx.principal) throw new UnauthenticatedError();
    return ctx.principal.account;
  }
}

export const authService = new AuthService();
