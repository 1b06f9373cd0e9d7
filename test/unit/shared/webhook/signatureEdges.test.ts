import { Webhook } from 'svix';

import {
	signingKeyFrom,
	verifyStandardWebhook,
} from '../../../../nodes/shared/webhook/standardWebhooks';

const secret = `whsec_${Buffer.from('edge-case-signing-secret').toString('base64')}`;
const body = JSON.stringify({ event_type: 'labtest.result.critical', data: { id: 'order-9' } });
const sentAt = 1_750_000_000;

function signed(timestamp = sentAt, id = 'msg_edge1') {
	const signature = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
	return { 'svix-id': id, 'svix-timestamp': String(timestamp), 'svix-signature': signature };
}

const verify = (headers: Record<string, string>, nowSeconds = sentAt) =>
	verifyStandardWebhook({ rawBody: Buffer.from(body), headers, secrets: [secret], nowSeconds });

/** Without `nowSeconds`: the verifier reads the clock itself. */
const verifyNow = (headers: Record<string, string>) =>
	verifyStandardWebhook({ rawBody: Buffer.from(body), headers, secrets: [secret] });

describe('verifyStandardWebhook at its edges', () => {
	it("checks the timestamp against the machine's clock when no time is given", () => {
		const now = Math.floor(Date.now() / 1000);
		expect(verifyNow(signed(now))).toEqual({ ok: true });
		expect(verifyNow(signed(now - 3600))).toMatchObject({ reason: 'timestamp_too_old' });
	});

	it('accepts a timestamp exactly the tolerance ahead, and refuses one second more', () => {
		expect(verify(signed(), sentAt - 300)).toEqual({ ok: true });
		expect(verify(signed(), sentAt - 301)).toEqual({
			ok: false,
			reason: 'timestamp_too_new',
			message: 'The message timestamp is more than 300 s in the future',
		});
		expect(verify(signed(), sentAt + 301)).toEqual({
			ok: false,
			reason: 'timestamp_too_old',
			message: 'The message timestamp is more than 300 s in the past',
		});
	});

	it('refuses a timestamp with anything but digits in it, whatever the signature', () => {
		expect(verify({ ...signed(), 'svix-timestamp': `v${sentAt}` })).toEqual({
			ok: false,
			reason: 'invalid_timestamp',
			message: 'The svix-timestamp header is not a Unix time in seconds',
		});
	});

	it('names exactly the headers that are missing', () => {
		const withoutId: Record<string, string> = signed();
		delete withoutId['svix-id'];
		expect(verify(withoutId)).toEqual({
			ok: false,
			reason: 'missing_headers',
			message: 'Missing signature header(s): svix-id',
		});
		expect(verify({})).toMatchObject({
			message: 'Missing signature header(s): svix-id, svix-timestamp, svix-signature',
		});
	});

	it('refuses a v1 signature of the wrong length without throwing', () => {
		const short = { ...signed(), 'svix-signature': 'v1,c2hvcnQ=' };
		expect(verify(short)).toEqual({
			ok: false,
			reason: 'no_matching_signature',
			message: 'No v1 signature matches the configured signing secret(s)',
		});
	});

	it('tells the sender why a secret cannot be used, in words', () => {
		expect(
			verifyStandardWebhook({ rawBody: Buffer.from(body), headers: signed(), secrets: [] }),
		).toEqual({
			ok: false,
			reason: 'no_secret',
			message: 'No webhook signing secret is set in the credential',
		});
		expect(
			verifyStandardWebhook({
				rawBody: Buffer.from(body),
				headers: signed(),
				secrets: ['whsec_A'],
			}),
		).toEqual({
			ok: false,
			reason: 'malformed_secret',
			message: 'A webhook signing secret in the credential is not a valid whsec_ secret',
		});
	});
});

describe('signingKeyFrom at its edges', () => {
	it('refuses base64 with a stray character anywhere, not only at the end', () => {
		expect(signingKeyFrom('whsec_****QUJD')).toBeUndefined();
		expect(signingKeyFrom('whsec_QUJD')?.export().toString()).toBe('ABC');
	});

	it('refuses base64 of a length no encoder produces (one past a multiple of four)', () => {
		expect(signingKeyFrom('whsec_QUJDR')).toBeUndefined();
		expect(signingKeyFrom('whsec_QUJDRA')?.export().toString()).toBe('ABCD');
	});

	it('takes a secret pasted with spaces or a new line around it', () => {
		expect(signingKeyFrom('  whsec_QUJD\n')?.export().toString()).toBe('ABC');
	});
});
