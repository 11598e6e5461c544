import { canAccess, SignInFailure } from '@community-grid/shared';
import type { AuthProvider } from 'react-admin';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: string;
  permissions: string[];
}

/** Sends an operation; its data is of the shape T the caller names. */
const call = async <T = unknown>(query: string, variables?: Record<string, unknown>) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json() as Promise<{
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string; reason?: string; retryAfterSeconds?: number } }>;
  }>;
};

const ME = 'id username displayName role permissions';
let me: Promise<Me | null> | null = null;

/** Who is signed in, asked once and remembered until signing in or out. */
export const loadMe = () =>
  (me ??= call<{ me: Me | null }>(`{ me { ${ME} } }`).then(
    (r) => r.data?.me ?? null,
    () => null,
  ));

/**
 * Sessions are an httpOnly cookie set by the server: the dashboard never
 * sees the secret, only who it belongs to and what they may do.
 */
export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const result = await call<{ login: Me }>(`mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { ${ME} } }`, {
      u: username,
      p: password,
    });
    const error = result.errors?.[0]?.extensions;
    if (error) {
      throw new Error(error.reason === SignInFailure.TOO_MANY_ATTEMPTS ? 'cg.auth.too_many_attempts' : 'cg.auth.bad_credentials');
    }
    me = Promise.resolve(result.data?.login ?? null);
  },
  async logout() {
    await call('mutation { logout }').catch(() => undefined);
    me = Promise.resolve(null);
  },
  async checkAuth() {
    if (!(await loadMe())) {
      me = null;
      throw new Error('cg.auth.signed_out');
    }
  },
  async checkError(error) {
    if (error?.status === 401) {
      me = null;
      throw error;
    }
  },
  async getPermissions() {
    return (await loadMe())?.permissions ?? [];
  },
  /** react-admin's pages, menus, buttons and bulk actions ask here; the answer is the permission table the server enforces. */
  async canAccess({ resource, action }) {
    return canAccess((await loadMe())?.permissions ?? [], resource, action);
  },
  async getIdentity() {
    const current = await loadMe();
    if (!current) throw new Error('cg.auth.signed_out');
    return { id: current.id, fullName: current.displayName };
  },
};
