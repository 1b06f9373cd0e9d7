import { secretsEqual, verifySharedSecret } from '../../../nodes/shared/webhook/sharedSecret';

const expected = 'correct-horse-battery-staple';

function check(
	headers: Record<string, string>,
	query: Record<string, unknown> = {},
	secret: { value?: string } = { value: expected },
) {
	return verifySharedSecret({
		headers,
		query,
		headerName: 'X-Webhook-Secret',
		expected: secret.value,
	});
}

describe('verifySharedSecret', () => {
	it('accepts the secret in the configured header, whatever its casing on the wire', () => {
		expect(check({ 'x-webhook-secret': expected })).toEqual({ ok: true });
	});

	it('accepts the secret as ?token= when the provider cannot send headers', () => {
		expect(check({}, { token: expected })).toEqual({ ok: true });
	});

	it('rejects a missing secret and names where it was expected', () => {
		const verdict = check({});
		expect(verdict).toMatchObject({ ok: false, reason: 'missing_secret' });
		expect(verdict.ok === false && verdict.message).toContain('X-Webhook-Secret');
	});

	it('rejects a wrong secret without echoing either value', () => {
		const verdict = check({ 'x-webhook-secret': 'guess' });
		expect(verdict).toMatchObject({ ok: false, reason: 'wrong_secret' });
		expect(JSON.stringify(verdict)).not.toContain('guess');
		expect(JSON.stringify(verdict)).not.toContain(expected);
	});

	it('prefers the header: a wrong header is not rescued by a right token', () => {
		expect(check({ 'x-webhook-secret': 'guess' }, { token: expected })).toMatchObject({
			ok: false,
			reason: 'wrong_secret',
		});
	});

	it('fails closed when no secret is configured', () => {
		expect(check({ 'x-webhook-secret': '' }, {}, { value: '' })).toMatchObject({
			ok: false,
			reason: 'no_secret',
		});
		expect(check({}, {}, {})).toMatchObject({ ok: false, reason: 'no_secret' });
	});

	it('ignores a non-string token (repeated query parameters)', () => {
		expect(check({}, { token: [expected, expected] })).toMatchObject({
			ok: false,
			reason: 'missing_secret',
		});
	});
});

describe('secretsEqual', () => {
	it('compares values of different lengths without throwing', () => {
		expect(secretsEqual('a', 'a much longer value')).toBe(false);
		expect(secretsEqual(expected, expected)).toBe(true);
		expect(secretsEqual(`${expected} `, expected)).toBe(false);
	});
});
