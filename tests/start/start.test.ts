import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/global-setup';

/**
 * What `npm start` runs, as a new user gets it: no DATABASE_URL, so the
 * server starts its embedded PostgreSQL, loads the sample district, serves,
 * keeps the data across restarts and leaves no PostgreSQL behind when stopped.
 */
const MAIN = path.resolve(__dirname, '../../server/dist/main.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'community-grid-start-'));
fs.chmodSync(dataDir, 0o755);
let pgPort: number;

beforeAll(async () => {
  pgPort = await freePort();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  port: number;
}

// Whatever a failed assertion leaves running is stopped, so its PostgreSQL does not block the next test.
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

async function start(port?: number, databasePort = pgPort, directory = dataDir): Promise<Started & { exited: Promise<number | null> }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const httpPort = port ?? (await freePort());
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...env,
      DATA_DIR: directory,
      PORT: String(httpPort),
      EMBEDDED_PG_PORT: String(databasePort),
      NODE_ENV: 'production',
      ADMIN_PASSWORD: 'start-test-password',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (/is ready|failed to start/.test(output) || child.exitCode !== null) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
  });
  return { child, output: () => output, port: httpPort, exited };
}

const postgresProcessesFor = (dir: string) => {
  try {
    return execFileSync('pgrep', ['-f', dir]).toString().trim();
  } catch {
    return ''; // pgrep exits 1 when nothing matches
  }
};

const post = (port: number, query: string, cookie = '') =>
  fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query }),
  });

type StaffCount = { staffMembers: { totalItems: number } };

/** Signs in as the first administrator (ADMIN_PASSWORD) and runs a query with that session. */
async function asAdmin(port: number) {
  const login = await post(port, 'mutation { login(username: "admin", password: "start-test-password") { role } }');
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  return async <T>(query: string) => (await post(port, query, cookie)).json() as Promise<{ data: T }>;
}

it('starts on the embedded database with the sample district, keeps data across restarts, and stops cleanly', async () => {
  const first = await start();
  expect(first.output()).toMatch(/Loaded the sample district: 12 communities/);
  expect(first.output()).toMatch(new RegExp(`GraphQL +http://localhost:${first.port}/graphql`));
  expect(first.output()).toMatch(/Created the account "admin" with the password in ADMIN_PASSWORD/);
  expect((await fetch(`http://127.0.0.1:${first.port}/readyz`)).status).toBe(200);
  const gql = await asAdmin(first.port);
  const nested = await gql<{ communities: { totalItems: number } }>(
    '{ communities { totalItems items { grids(options: { take: 2 }) { items { households(options: { take: 5 }) { items { residents(options: { take: 5 }) { items { id } } } } } } } } }',
  );
  expect(nested.data.communities.totalItems).toBe(12);
  const created = await gql<{ createStaffMember: { id: string } }>('mutation { createStaffMember(input: { name: "重启后仍在" }) { id } }');
  expect(created.data.createStaffMember.id).toBeDefined();

  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  expect(postgresProcessesFor(dataDir)).toBe('');

  const second = await start();
  expect(second.output()).not.toMatch(/Loaded the sample district|Created the account/);
  const found = await (
    await asAdmin(second.port)
  )<StaffCount>('{ staffMembers(options: { filter: { name: { eq: "重启后仍在" } } }) { totalItems } }');
  expect(found.data.staffMembers.totalItems).toBe(1);
  second.child.kill('SIGINT');
  expect(await second.exited).toBe(0);
  expect(postgresProcessesFor(dataDir)).toBe('');
});

async function withPortTaken(work: (port: number) => Promise<void>): Promise<void> {
  const blocker = net.createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  try {
    await work(port);
  } finally {
    blocker.close();
  }
}

it('fails clearly when its HTTP port is taken, and leaves no PostgreSQL running', () =>
  withPortTaken(async (port) => {
    const attempt = await start(port);
    expect(await attempt.exited).toBe(1);
    expect(attempt.output()).toMatch(/failed to start: .*EADDRINUSE/);
    expect(postgresProcessesFor(dataDir)).toBe('');
  }));

it('fails clearly when the embedded database cannot listen on its port', () =>
  withPortTaken(async (port) => {
    const attempt = await start(undefined, port);
    expect(await attempt.exited).toBe(1);
    expect(attempt.output()).toMatch(new RegExp(`embedded PostgreSQL failed to start on port ${port}`));
    expect(attempt.output()).toMatch(/Address already in use/);
    expect(postgresProcessesFor(dataDir)).toBe('');
  }));

describe('after a crash', () => {
  it('kill -9 of the server: the next start stops the PostgreSQL it left behind, and starts cleanly with the data', async () => {
    const first = await start();
    expect(first.output()).toMatch(/is ready/);
    const gql = await asAdmin(first.port);
    expect(
      (await gql<{ createStaffMember: { id: string } }>('mutation { createStaffMember(input: { name: "崩溃前" }) { id } }')).data
        .createStaffMember.id,
    ).toBeDefined();
    first.child.kill('SIGKILL');
    await first.exited;
    // The orphan: PostgreSQL of this data directory, still running without its parent.
    expect(postgresProcessesFor(dataDir)).not.toBe('');

    const second = await start();
    expect(second.output()).toMatch(/Stopped the embedded PostgreSQL \(pid \d+\) that an earlier server left running/);
    expect(second.output()).toMatch(/is ready/);
    const found = await (
      await asAdmin(second.port)
    )<StaffCount>('{ staffMembers(options: { filter: { name: { eq: "崩溃前" } } }) { totalItems } }');
    expect(found.data.staffMembers.totalItems).toBe(1);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toBe('');
  });

  it('a stale postmaster.pid (its process id now taken by another program) is removed', async () => {
    // This test's own process: alive, and not a PostgreSQL; PostgreSQL alone would refuse to start.
    fs.writeFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), `${process.pid}\n${path.join(dataDir, 'pg')}\n`);
    const started = await start();
    expect(started.output()).toMatch(/Removed a stale postmaster.pid/);
    expect(started.output()).toMatch(/is ready/);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });
});

it('keeps its data in a private directory (mktemp -d, mode 0700), also when running as root', async () => {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'community-grid-private-'));
  expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700);
  try {
    const started = await start(undefined, await freePort(), privateDir);
    expect(started.output()).toMatch(/is ready/);
    expect(started.output()).toMatch(new RegExp(`data in ${privateDir}`));
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(postgresProcessesFor(privateDir)).toBe('');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
});
