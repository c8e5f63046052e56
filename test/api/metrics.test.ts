import { type TOTP, URI } from 'otpauth';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { config } from '../../api/config';
import { configurationProblems } from '../../api/config-check';

// `/metrics` for Prometheus: closed unless a bearer secret is set, then requests and latency by
// operation, errors by code, sign-in failures by reason, the database pool and the job queue.
const { server, signedIn } = withWorld();
const SECRET = 'metrics-secret-for-tests-0123456789abcdef';

const scrape = (token?: string) => fetch(server.url.replace(/\/graphql$/, '/metrics'), { headers: token ? { authorization: `Bearer ${token}` } : {} });
/** The value of one sample (`name{labels} value`), 0 when absent. */
const sample = (text: string, series: string) => Number(text.split('\n').find((l) => l.startsWith(`${series} `))?.split(' ')[1] ?? 0);

afterEach(() => {
  config.metricsToken = undefined;
});

it('does not exist without METRICS_TOKEN, and refuses a scrape without the secret', async () => {
  expect((await scrape()).status).toBe(404);
  expect((await scrape(server.adminToken)).status).toBe(404);
  config.metricsToken = SECRET;
  expect((await scrape()).status).toBe(401);
  expect((await scrape(server.adminToken)).status).toBe(401);
  expect((await scrape(`${SECRET}x`)).status).toBe(401);
  expect(configurationProblems({ METRICS_TOKEN: 'short' }).map((p) => p.en).join()).toMatch(/METRICS_TOKEN/);
});

it('counts requests and latency by operation, errors by code, sign-in failures by reason', async () => {
  config.metricsToken = SECRET;
  const before = await (await scrape(SECRET)).text();
  await ok(server, 'me', {}, 'id');
  await ok(server, 'me', {}, 'id');
  const viewer = await signedIn('VIEWER');
  expect((await call(viewer, 'createEnforcementDomain', { code: 'M1', name: '指标测试' }, 'id')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await call(server.as(null), 'login', { username: 'admin-who-is-not', password: 'nope' }, 'token')).errors).toBeDefined();

  const res = await scrape(SECRET);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  const grew = (series: string, by: number) => expect([series, sample(text, series) - sample(before, series)]).toEqual([series, by]);
  grew('graphql_requests_total{operation="me"}', 2);
  grew('graphql_request_duration_seconds_count{operation="me"}', 2);
  grew('graphql_errors_total{code="FORBIDDEN"}', 1);
  grew('sign_in_failures_total{reason="UNAUTHENTICATED"}', 1);
  expect(text).toMatch(/^database_pool_connections\{state="total"\} [1-9]/m);
  expect(text).toMatch(/^job_queue_depth\{status="QUEUED"\} \d+/m);
});

it('counts a sign-in with a second factor once, as the code step ends: a password accepted before the code is not a failure', async () => {
  config.metricsToken = SECRET;
  // An account with a second factor: its user changes the first password, then enrols an authenticator.
  await ok(server, 'createUser', { username: 'metrics.totp', role: 'VIEWER', password: 'Initial#2026' });
  const first = (await ok(server.as(null), 'login', { username: 'metrics.totp', password: 'Initial#2026' }, 'token')).token as string;
  const token = (await ok(server.as(first), 'changeMyPassword', { currentPassword: 'Initial#2026', newPassword: 'Chosen#2026x' }, 'token')).token as string;
  const totp = URI.parse((await ok(server.as(token), 'startSecondFactorEnrolment', {}, 'uri')).uri) as TOTP;
  await ok(server.as(token), 'confirmSecondFactorEnrolment', { code: totp.generate() }, 'codes');

  const before = await (await scrape(SECRET)).text();
  const challenge = (await call(server.as(null), 'login', { username: 'metrics.totp', password: 'Chosen#2026x' }, 'token')).errors?.[0].extensions?.challenge as string;
  expect(challenge).toBeTruthy();
  const wrong = String((Number(totp.generate()) + 1) % 1_000_000).padStart(6, '0');
  expect((await call(server.as(null), 'loginSecondFactor', { challenge, code: wrong }, 'token')).errors?.[0].extensions?.reason).toBe('WRONG_SECOND_FACTOR');
  const text = await (await scrape(SECRET)).text();
  const grew = (series: string) => sample(text, series) - sample(before, series);
  expect({
    required: grew('sign_in_failures_total{reason="SECOND_FACTOR_REQUIRED"}'),
    wrongCode: grew('sign_in_failures_total{reason="WRONG_SECOND_FACTOR"}'),
  }).toEqual({ required: 0, wrongCode: 1 });
});
