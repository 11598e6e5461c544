import { Client } from 'pg';
import type { Principal } from '../../core/request-context';
import type { Scope } from '../../core/scope';

/** The channel the database's triggers notify on (migration AuthChanges). */
export const AUTH_CHANNEL = 'cg_auth';

/** Who a credential belongs to, as last read from the database. */
export interface CachedAuth {
  principal: Principal;
  scope: Scope;
  /** The day the scope was computed for (reach follows dated assignments). */
  day: string;
  /** When the credential itself ends (token or session expiry), ms since the epoch. */
  expiresAt: number;
  /** When the credential was last marked as used in the database (sessions' idle timeout counts from it). */
  touchedAt: number;
}

interface Entry extends CachedAuth {
  cachedAt: number;
}

/**
 * A short-lived, per-server memory of who a token or session belongs to, so a
 * request does not look its caller up again. It is dropped at once when the
 * database says the answer may have changed: triggers on accounts, tokens,
 * sessions and assignments NOTIFY every server on commit (see the AuthChanges
 * migration). While the listening connection is down, nothing is cached.
 */
export class AuthCache {
  private readonly entries = new Map<string, Entry>();
  private client: Client | null = null;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly heardCounts = new Map<string, number>();
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly url: string,
    readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** Starts listening; until it does (or after the connection drops) the cache holds nothing. */
  async start(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.url, application_name: 'community-grid auth cache' });
    const lost = () => {
      if (this.client !== client) return;
      this.listening = false;
      this.entries.clear();
      this.client = null;
      client.end().catch(() => undefined);
      if (!this.closed) this.retry = setTimeout(() => void this.start().catch(() => undefined), 1000);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel !== AUTH_CHANNEL) return;
      const payload = message.payload ?? '*';
      this.forget(payload);
      this.heardCounts.set(payload, this.heard(payload) + 1);
      for (const wake of this.waiting) wake();
      this.waiting.clear();
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
      this.listening = true;
    } catch (error) {
      lost();
      throw error;
    }
  }

  get(key: string, day: string, now = Date.now()): CachedAuth | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (!this.listening || entry.day !== day || now - entry.cachedAt > this.ttlMs || now >= entry.expiresAt) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  set(key: string, value: CachedAuth): void {
    if (!this.listening) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { ...value, cachedAt: Date.now() });
  }

  /** Drops what is known of one account ("123"), or of everyone ("*"). */
  forget(payload: string): void {
    if (payload === '*') {
      this.entries.clear();
      return;
    }
    const accountId = Number(payload);
    for (const [key, entry] of this.entries) if (entry.principal.account.id === accountId) this.entries.delete(key);
  }

  /**
   * Notifications processed so far for a payload (an account id, or "*"). They arrive a few
   * milliseconds after the writing transaction commits, not with it: until then this server
   * may still answer from memory.
   */
  heard(payload: string): number {
    return this.heardCounts.get(payload) ?? 0;
  }

  /** Resolves once more than `count` notifications for the payload have been processed. */
  async hear(payload: string, count: number): Promise<void> {
    while (this.heard(payload) <= count) await new Promise<void>((resolve) => this.waiting.add(resolve));
  }

  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.listening = false;
    this.entries.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
