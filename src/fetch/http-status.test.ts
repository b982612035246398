import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeRetryAfter, failureForNetworkError, failureForStatus } from './http-status.js';

const URL_ = 'http://n.example/a';

const statuses: Array<[status: number, retryAfter: string | null, code: string | null, mentions?: RegExp]> = [
  [200, null, null],
  [204, null, null],
  [404, null, 'not_found', /http:\/\/n\.example\/a was not found \(HTTP 404\)/],
  [410, null, 'not_found', /HTTP 410/],
  [429, '30', 'rate_limited', /retry after 30 seconds/],
  [429, 'Sun, 10 May 2026 09:00:00 GMT', 'rate_limited', /retry after Sun, 10 May 2026 09:00:00 GMT/],
  [500, null, 'server_error', /HTTP 500/],
  [599, null, 'server_error', /HTTP 599/],
  [401, null, 'http_error', /HTTP 401/],
  [418, null, 'http_error', /HTTP 418/],
];
for (const [status, retryAfter, code, mentions] of statuses) {
  test(`failureForStatus: ${status}${retryAfter ? ` with Retry-After ${retryAfter}` : ''}`, () => {
    const failure = failureForStatus(URL_, status, retryAfter);
    assert.equal(failure?.code ?? null, code);
    if (failure !== null) {
      assert.equal(failure.subject, URL_);
      if (mentions) assert.match(failure.message, mentions);
    }
  });
}

test('describeRetryAfter', () => {
  assert.equal(describeRetryAfter('1'), '1 second');
  assert.equal(describeRetryAfter(' 5 '), '5 seconds');
});

const errors: Array<[name: string, error: unknown, mentions: RegExp]> = [
  ['refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), /connection was refused/],
  ['DNS', Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), /could not be resolved \(DNS\)/],
  [
    'unknown code keeps the detail',
    Object.assign(new Error('weird thing'), { code: 'EWEIRD' }),
    /connection failed \(weird thing\)/,
  ],
  ['not an Error', 'boom', /connection failed \(boom\)/],
];
for (const [name, error, mentions] of errors) {
  test(`failureForNetworkError: ${name}`, () => {
    const failure = failureForNetworkError(URL_, error);
    assert.equal(failure.code, 'network_error');
    assert.match(failure.message, new RegExp(`^${URL_.replace(/\./g, '\\.')} could not be fetched: `));
    assert.match(failure.message, mentions);
  });
}
