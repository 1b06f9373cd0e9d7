import { mock } from 'jest-mock-extended';
import type { IWebhookFunctions } from 'n8n-workflow';

import type { Delivery } from '../../../../nodes/shared/webhook/delivery';
import {
	credentialSharedSecret,
	missingWebhookSecret,
	verifySharedSecret,
} from '../../../../nodes/shared/webhook/sharedSecret';

function delivery(headers: Record<string, string>, query: Record<string, string> = {}): Delivery {
	return { method: 'POST', headers, query, rawBody: Buffer.from('{}'), receivedAt: new Date() };
}

function authenticate(credentials: Record<string, string>, arriving: Delivery) {
	const context = mock<IWebhookFunctions>();
	context.getCredentials.mockResolvedValue(credentials);
	return credentialSharedSecret('lmlApi')(context, arriving).then((verdict) => ({
		verdict,
		asked: context.getCredentials.mock.calls,
	}));
}

describe('credentialSharedSecret', () => {
	it("reads the header name and secret from the trigger's credential", async () => {
		const credentials = { webhookHeaderName: 'X-Lab-Secret', webhookSecret: 's3cret' };
		const right = await authenticate(credentials, delivery({ 'x-lab-secret': 's3cret' }));
		expect(right.verdict).toEqual({ ok: true });
		expect(right.asked).toEqual([['lmlApi']]);
		const wrong = await authenticate(credentials, delivery({ 'x-lab-secret': 'guess' }));
		expect(wrong.verdict).toEqual({
			ok: false,
			reason: 'wrong_secret',
			message: 'The webhook secret does not match the one in the credential',
		});
	});

	it('without a header name, takes the secret from the URL token only', async () => {
		const credentials = { webhookSecret: 's3cret' };
		expect((await authenticate(credentials, delivery({}, { token: 's3cret' }))).verdict).toEqual({
			ok: true,
		});
		const none = await authenticate(credentials, delivery({ 'x-webhook-secret': 's3cret' }));
		expect(none.verdict).toMatchObject({ ok: false, reason: 'missing_secret' });
		expect(none.verdict.ok === false && none.verdict.message).toBe(
			'The request carries no secret (expected query parameter token)',
		);
	});
});

describe('missing secrets', () => {
	it('fails closed, saying the credential has no secret', () => {
		expect(verifySharedSecret({ headers: {}, query: {}, headerName: 'X-S', expected: '' })).toEqual(
			{
				ok: false,
				reason: 'no_secret',
				message: 'No webhook secret is set in the credential',
			},
		);
	});

	it('tells activation why a credential without a secret cannot verify', () => {
		expect(missingWebhookSecret({ webhookSecret: '' })).toBe(
			'The credential has no webhook secret, so every delivery would be refused',
		);
		expect(missingWebhookSecret({ webhookSecret: 'set' })).toBeUndefined();
	});
});
