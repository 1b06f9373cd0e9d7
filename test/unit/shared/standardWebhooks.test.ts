import { Webhook } from 'svix';

import {
	signingKeyFrom,
	splitSecrets,
	verifyStandardWebhook,
} from '../../../nodes/shared/webhook/standardWebhooks';

// A valid-looking secret built at runtime (24 random-looking bytes), plus the Svix docs' own vector.
const secret = `whsec_${Buffer.from('lab-testing-unit-secret!').toString('base64')}`;
const otherSecret = `whsec_${Buffer.from('another-secret-of-24-byt').toString('base64')}`;
const sentAt = 1_700_000_000;
const body = JSON.stringify({ event_type: 'labtest.order.updated', data: { id: 'order-1' } });

function signed(payload = body, signingSecret = secret, timestamp = sentAt, id = 'msg_2Yh6Qm2nQ4') {
	const signature = new Webhook(signingSecret).sign(id, new Date(timestamp * 1000), payload);
	return { 'svix-id': id, 'svix-timestamp': String(timestamp), 'svix-signature': signature };
}

function verify(
	headers: Record<string, string>,
	options: { secrets?: string[]; now?: number; rawBody?: string } = {},
) {
	return verifyStandardWebhook({
		rawBody: Buffer.from(options.rawBody ?? body),
		headers,
		secrets: options.secrets ?? [secret],
		nowSeconds: options.now ?? sentAt + 10,
	});
}

describe('verifyStandardWebhook', () => {
	it('accepts a message signed by the official svix library and returns its id', () => {
		expect(verify(signed())).toEqual({ ok: true });
	});

	it('matches the test vector from the Svix documentation', () => {
		const verdict = verifyStandardWebhook({
			rawBody: Buffer.from('{"test": 2432232314}'),
			headers: {
				'svix-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
				'svix-timestamp': '1614265330',
				'svix-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
			},
			secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
			nowSeconds: 1614265330,
		});
		expect(verdict.ok).toBe(true);
	});

	it('rejects a stale message, and one from the future, with distinct reasons', () => {
		expect(verify(signed(), { now: sentAt + 301 })).toMatchObject({
			ok: false,
			reason: 'timestamp_too_old',
		});
		expect(verify(signed(), { now: sentAt - 301 })).toMatchObject({
			ok: false,
			reason: 'timestamp_too_new',
		});
		expect(verify(signed(), { now: sentAt + 300 }).ok).toBe(true);
	});

	it('honours a configured tolerance', () => {
		const verdict = verifyStandardWebhook({
			rawBody: Buffer.from(body),
			headers: signed(),
			secrets: [secret],
			nowSeconds: sentAt + 100,
			toleranceSeconds: 60,
		});
		expect(verdict).toMatchObject({ ok: false, reason: 'timestamp_too_old' });
	});

	it('rejects a tampered body, even one that differs only in whitespace', () => {
		expect(verify(signed(), { rawBody: body.replace('order-1', 'order-2') })).toMatchObject({
			ok: false,
			reason: 'no_matching_signature',
		});
		expect(verify(signed(), { rawBody: `${body} ` })).toMatchObject({
			ok: false,
			reason: 'no_matching_signature',
		});
	});

	it('rejects a message signed with another secret', () => {
		expect(verify(signed(body, otherSecret))).toMatchObject({
			ok: false,
			reason: 'no_matching_signature',
		});
	});

	it('accepts either of two configured secrets (rotation)', () => {
		expect(verify(signed(body, otherSecret), { secrets: [secret, otherSecret] }).ok).toBe(true);
		expect(verify(signed(body, secret), { secrets: [otherSecret, secret] }).ok).toBe(true);
	});

	it('accepts a header listing several signatures when any one matches', () => {
		const ours = signed();
		const theirs = signed(body, otherSecret);
		const headers = {
			...ours,
			'svix-signature': `${theirs['svix-signature']} v1a,ignored ${ours['svix-signature']}`,
		};
		expect(verify(headers).ok).toBe(true);
	});

	it('ignores signature versions other than v1', () => {
		const headers = signed();
		headers['svix-signature'] = headers['svix-signature'].replace('v1,', 'v2,');
		expect(verify(headers)).toMatchObject({ ok: false, reason: 'no_matching_signature' });
	});

	it.each(['svix-id', 'svix-timestamp', 'svix-signature'])(
		'names the missing header %s',
		(header) => {
			const headers: Record<string, string> = signed();
			delete headers[header];
			const verdict = verify(headers);
			expect(verdict).toMatchObject({ ok: false, reason: 'missing_headers' });
			expect(verdict.ok === false && verdict.message).toContain(header);
		},
	);

	it('accepts the webhook-* header names of white-labelled senders', () => {
		const headers = Object.fromEntries(
			Object.entries(signed()).map(([name, value]) => [name.replace('svix-', 'webhook-'), value]),
		);
		expect(verify(headers).ok).toBe(true);
	});

	it('rejects a timestamp that is not Unix seconds', () => {
		expect(verify({ ...signed(), 'svix-timestamp': '2023-11-14T22:13:20Z' })).toMatchObject({
			ok: false,
			reason: 'invalid_timestamp',
		});
	});

	it('fails closed without a secret, and on a malformed secret, without echoing it', () => {
		expect(verify(signed(), { secrets: [] })).toMatchObject({ ok: false, reason: 'no_secret' });
		const malformed = 'whsec_not*base64!';
		const verdict = verify(signed(), { secrets: [malformed] });
		expect(verdict).toMatchObject({ ok: false, reason: 'malformed_secret' });
		expect(JSON.stringify(verdict)).not.toContain('not*base64');
	});
});

describe('secrets', () => {
	it('decodes the base64 after whsec_, and bare base64 too', () => {
		expect(signingKeyFrom(secret)?.export().toString()).toBe('lab-testing-unit-secret!');
		expect(signingKeyFrom(secret.slice('whsec_'.length))?.export().toString()).toBe(
			'lab-testing-unit-secret!',
		);
		expect(signingKeyFrom('whsec_')).toBeUndefined();
		expect(signingKeyFrom('whsec_abc*')).toBeUndefined();
	});

	it('splits several secrets on spaces, commas and new lines', () => {
		expect(splitSecrets(` ${secret},${otherSecret}\n${secret} `)).toEqual([
			secret,
			otherSecret,
			secret,
		]);
		expect(splitSecrets(undefined)).toEqual([]);
	});
});
