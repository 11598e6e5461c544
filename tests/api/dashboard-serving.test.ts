import { MUSLIM_LANE, sample } from '../support/sample';
import { startTestServer, TestServer } from '../support/test-server';

let api: TestServer;
beforeAll(async () => { api = await startTestServer(); });
afterAll(() => api.close());

describe('the server serves the built dashboard', () => {
  it('answers / and any app route with index.html, never cached', async () => {
    const muslimLane = await sample.communityId(api, MUSLIM_LANE);
    for (const route of ['/', '/residents', `/communities/${muslimLane}/show`]) {
      const response = await fetch(`${api.url}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toMatch(/<div id="root"><\/div>/);
    }
  });

  it('serves hashed assets with a year-long immutable cache, and 404 for unknown ones', async () => {
    const html = await (await fetch(`${api.url}/`)).text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)![1];
    const asset = await fetch(`${api.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${api.url}/assets/missing-0000.js`)).status).toBe(404);
  });

  it('leaves the API and health endpoints alone', async () => {
    expect((await fetch(`${api.url}/healthz`)).headers.get('content-type')).toMatch(/json/);
    const result = await api.gql('{ districts { totalItems } }');
    expect(result.data!.districts.totalItems).toBe(1);
  });
});
