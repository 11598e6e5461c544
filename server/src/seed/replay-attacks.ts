import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, ensureDatabase, withDatabase } from '../database/databases';

/**
 * `npm run attacks`: starts the server as `npm start` does (its built
 * main.js, the sample district, the embedded PostgreSQL unless DATABASE_URL
 * names a server) and replays the attacks of the hardening work against it,
 * printing for each the answer (HTTP status and error code), how long it
 * took, the SQL statements it ran, the server's resident memory after it, and
 * how long another user's small query took meanwhile. A report, not a test:
 * the tests assert the behaviour; this shows the figures.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const ADMIN_PASSWORD = 'replay-admin-password';

interface Answer {
  status: number;
  ms: number;
  /** Parsed JSON, or the text when the answer was not JSON. */
  body: unknown;
  headers: Headers;
}

/** The answer's data in the shape the query asked for (undefined for an error or an answer that is not JSON). */
const dataOf = <T>(answer: Answer): T | undefined => (answer.body as { data?: T } | null)?.data ?? undefined;
const firstError = (answer: Answer) => (answer.body as { errors?: Array<{ message?: string }> } | null)?.errors?.[0]?.message;

class Target {
  private cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  async post(body: string, headers: Record<string, string> = {}, session?: string): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(session ? { cookie: session } : {}), ...headers },
      body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: reported as such */
    }
    return { status: response.status, ms: performance.now() - started, body: parsed, headers: response.headers };
  }

  gql(query: string, session?: string, variables?: Record<string, unknown>): Promise<Answer> {
    return this.post(JSON.stringify({ query, variables }), {}, session);
  }

  async get(url: string): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${this.base}${url}`);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* HTML or text */
    }
    return { status: response.status, ms: performance.now() - started, body: parsed, headers: response.headers };
  }

  async login(username: string, password: string): Promise<string> {
    const cached = this.cookies.get(username);
    if (cached) return cached;
    const response = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { id } }',
        variables: { u: username, p: password },
      }),
    });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    if (!cookie.startsWith('cg_session=')) throw new Error(`${username} could not sign in: ${await response.text()}`);
    this.cookies.set(username, cookie);
    return cookie;
  }
}

/** What an answer says, in a few words: status, error code, limit or count. */
function summary(answer: Answer): string {
  const body = answer.body as { errors?: Array<{ extensions?: Record<string, unknown>; message?: string }>; data?: unknown } | string;
  if (typeof body === 'string')
    return `${answer.status} ${answer.headers.get('content-type')?.split(';')[0] ?? '?'} (${body.length} bytes, not JSON)`;
  const error = body.errors?.[0];
  if (error) {
    const extra = Object.entries(error.extensions ?? {})
      .filter(([key]) => key !== 'code' && key !== 'stacktrace')
      .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
      .join(' ');
    return `${answer.status} ${error.extensions?.code ?? 'no code'}${extra ? ` ${extra}` : ''}`;
  }
  return `${answer.status} data (${JSON.stringify(body.data ?? null).length} bytes)`;
}

const statements = (answer: Answer) => (answer.body as { extensions?: { sqlStatements?: number } })?.extensions?.sqlStatements ?? '-';

function rssMb(child: ChildProcess): string {
  try {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return (kb / 1024).toFixed(0);
  } catch {
    return 'n/a';
  }
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; base: string }> {
  const port = 4000 + Math.floor(Math.random() * 900) + 90;
  const child = spawn(process.execPath, [path.join(ROOT, 'server/dist/main.js')], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  for (let i = 0; i < 240 && !output.includes('is ready'); i++) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!output.includes('is ready')) throw new Error(`the server did not get ready:\n${output}`);
  return { child, base: `http://127.0.0.1:${port}` };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'community-grid-attacks-'));
  fs.chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(54380 + Math.floor(Math.random() * 15)) };
  let scratch: string | undefined;
  if (process.env.DATABASE_URL) {
    scratch = withDatabase(process.env.DATABASE_URL, `cg_attacks_${process.pid}`);
    await ensureDatabase(scratch);
    env.DATABASE_URL = scratch;
  }
  const { child, base } = await startServer(env);
  const target = new Target(base);
  const rows: string[][] = [];
  const record = (point: string, attack: string, answer: Answer | string, other?: number) => {
    const row =
      typeof answer === 'string'
        ? [point, attack, answer, '-', '-', rssMb(child), other === undefined ? '-' : other.toFixed(0)]
        : [
            point,
            attack,
            summary(answer),
            answer.ms.toFixed(0),
            String(statements(answer)),
            rssMb(child),
            other === undefined ? '-' : other.toFixed(0),
          ];
    rows.push(row);
    console.log(row.join(' | '));
  };
  /** Runs `attack` while another user asks a small question; returns the attack's answer and how long the small question took. */
  const meanwhile = async (attack: () => Promise<Answer | Answer[]>) => {
    const admin = await target.login('admin', ADMIN_PASSWORD);
    const running = attack();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const other = await target.gql('{ districts { totalItems } }', admin);
    return { answer: await running, other: other.ms };
  };

  try {
    console.log(`Server at ${base}, resident memory ${rssMb(child)} MB at start`);
    console.log("point | attack | answer | ms | SQL | server RSS MB | another user's query ms");
    const reporter = await target.login('reporter', 'demo');
    const admin = await target.login('admin', ADMIN_PASSWORD);

    // 1. Query cost.
    const cycle =
      '{ residents { items { household { grid { community { grids { items { households { items { residents { items { id } } } } } } } } } } } }';
    let run = await meanwhile(() => target.gql(cycle, reporter));
    record('1 cost', `cycle residents→…→residents, ${cycle.length} bytes, reporter`, run.answer as Answer, run.other);
    const triple = `{ a: ${cycle.slice(2, -2)} b: ${cycle.slice(2, -2)} c: ${cycle.slice(2, -2)} }`;
    run = await meanwhile(() => target.gql(triple, reporter));
    record('1 cost', `the same under 3 aliases, ${triple.length} bytes`, run.answer as Answer, run.other);
    const aliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: residents(options: { take: 100 }) { items { id } }`).join(' ')} }`;
    run = await meanwhile(() => target.gql(aliases, reporter));
    record('1 cost', `1,000 aliases of a 100-row list, ${aliases.length} bytes`, run.answer as Answer, run.other);

    // 2. Time limits: twelve 900 KB searches at once.
    const long = '马'.repeat(300_000);
    run = await meanwhile(() =>
      Promise.all(
        Array.from({ length: 12 }, () =>
          target.gql('query ($s: String) { residents(options: { filter: { search: $s } }) { totalItems } }', reporter, { s: long }),
        ),
      ),
    );
    const answers = run.answer as Answer[];
    record('2 time', '12 concurrent 900 KB searches (slowest shown)', answers.sort((a, b) => b.ms - a.ms)[0], run.other);
    record('2 time', '/readyz meanwhile', await target.get('/readyz'));

    // 4. Re-identification: what a report builder reads of a resident.
    const masked = await target.gql('{ residents(options: { take: 1 }) { items { idNumber birthDate } } }', reporter);
    record(
      '4 re-identification',
      `reporter reads ${JSON.stringify(dataOf<{ residents: { items: unknown[] } }>(masked)?.residents.items[0] ?? firstError(masked))}`,
      masked,
    );
    const contains = await target.gql('{ residents(options: { filter: { idNumber: { contains: "630199" } } }) { totalItems } }', admin);
    record('4 re-identification', 'administrator filters idNumber with contains', contains);

    // 5. Tokens after a password reset.
    const official = await target.login('official', 'demo');
    const created = await target.gql('mutation { createApiToken(input: { name: "replay" }) { token } }', official);
    const token = dataOf<{ createApiToken: { token: string } }>(created)?.createApiToken.token;
    const [{ id: officialId }] = dataOf<{ accounts: { items: Array<{ id: string }> } }>(
      await target.gql('{ accounts(options: { filter: { username: { eq: "official" } } }) { items { id } } }', admin),
    )!.accounts.items;
    await target.gql(`mutation { resetPassword(id: "${officialId}", password: "a-new-password-1") { id } }`, admin);
    record(
      '5 tokens',
      "official's API token used after an administrator reset the password",
      token ? await target.post(JSON.stringify({ query: '{ me { username } }' }), { authorization: `Bearer ${token}` }) : 'no token made',
    );

    // 6. One request, one transaction.
    const staffCount = (answer: Answer) => dataOf<{ staffMembers: { totalItems: number } }>(answer)!.staffMembers.totalItems;
    const before = await target.gql('{ staffMembers(options: { filter: { name: { eq: "回放甲" } } }) { totalItems } }', admin);
    const pair = await target.gql(
      'mutation { a: createStaffMember(input: { name: "回放甲" }) { id } b: createStaffMember(input: { name: "  " }) { id } }',
      admin,
    );
    const after = await target.gql('{ staffMembers(options: { filter: { name: { eq: "回放甲" } } }) { totalItems } }', admin);
    record(
      '6 one transaction',
      `two aliased creates, the second invalid: first kept ${staffCount(after) - staffCount(before)} time(s)`,
      pair,
    );

    // 7. Errors.
    record(
      '7 errors',
      '3 MB body',
      await target.post(JSON.stringify({ query: '{ districts { totalItems } }', padding: 'x'.repeat(3_000_000) })),
    );
    record('7 errors', 'malformed JSON', await target.post('{"query": '));
    record('7 errors', 'missing asset', await target.get('/assets/missing-file.js'));
    record(
      '7 errors',
      'NUL byte in a name',
      await target.gql('mutation ($n: String!) { createStaffMember(input: { name: $n }) { id } }', admin, { n: 'a\u0000b' }),
    );
    record(
      '7 errors',
      'date 0000-01-01',
      await target.gql('{ residents(options: { filter: { birthDate: { gte: "0000-01-01" } } }) { totalItems } }', admin),
    );
    record(
      '7 errors',
      'username of 300 characters',
      await target.gql(`mutation { login(username: "${'u'.repeat(300)}", password: "x") { id } }`),
    );
    record('7 errors', 'subscription', await target.gql('subscription { districts { totalItems } }', admin));
    record(
      '7 errors',
      'lone surrogate in a name',
      await target.post(`{"query":"mutation { createStaffMember(input: { name: \\"a\\ud800b\\" }) { id } }"}`, {}, admin),
    );
    const adminId = dataOf<{ me: { id: string } }>(await target.gql('{ me { id } }', admin))!.me.id;
    record(
      '7 errors',
      `deleteAccount("0${adminId}") by that account`,
      await target.gql(`mutation { deleteAccount(id: "0${adminId}") { id } }`, admin),
    );

    // 8. Throttling: a stranger guesses at a known username, then its owner signs in.
    let last: Answer | undefined;
    for (let i = 0; i < 40; i++) last = await target.gql('mutation { login(username: "window", password: "wrong-guess") { id } }');
    record('8 throttling', '40 wrong passwords for "window" from one address', last!);
    record(
      '8 throttling',
      'then the right password from that address',
      await target.gql('mutation { login(username: "window", password: "demo") { id } }'),
    );

    // 9. Disclosure.
    const misspelled = await target.gql('{ residnts { totalItems } }');
    record(
      '9 disclosure',
      `anonymous misspelled field ("residnts"): suggestion ${/Did you mean/.test(JSON.stringify(misspelled.body)) ? 'GIVEN' : 'none'}`,
      misspelled,
    );
    record('9 disclosure', 'anonymous introspection', await target.gql('{ __schema { queryType { name } } }'));
    const page = await target.get('/');
    record(
      '9 disclosure',
      `GET / headers: frame-ancestors ${/frame-ancestors 'none'/.test(page.headers.get('content-security-policy') ?? '') ? 'none' : 'MISSING'}, ` +
        `x-frame-options ${page.headers.get('x-frame-options') ?? 'MISSING'}, nosniff ${page.headers.get('x-content-type-options') ?? 'MISSING'}`,
      `${page.status}`,
    );

    console.log(
      `\nThe server answered every attack and is still up: ${summary(await target.gql('{ districts { totalItems } }', admin))}; resident memory ${rssMb(child)} MB.`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    if (scratch) await dropDatabase(scratch);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error('Replay failed:', error);
  process.exit(1);
});
