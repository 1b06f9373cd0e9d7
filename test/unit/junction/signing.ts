import { Webhook } from 'svix';

import { junctionTest } from '../../../dev/fakes/junction';

/** Secrets built at runtime: 24 bytes each, base64 behind whsec_, like the dashboard shows them. */
export const SIGNING_SECRET = junctionTest.signer.secret('junction-unit-secret-no1');
export const NEXT_SIGNING_SECRET = junctionTest.signer.secret('junction-unit-secret-no2');

/**
 * Any body signed with SIGNING_SECRET by the official svix library (not our signer: an independent
 * reference), under a message id of the test's choosing or a random one.
 */
export function signedRequest(
	payload: unknown,
	messageId = `msg_${Math.random().toString(36).slice(2)}`,
) {
	const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
	const sentAt = new Date();
	const signature = new Webhook(SIGNING_SECRET).sign(messageId, sentAt, body);
	return {
		headers: {
			'svix-id': messageId,
			'svix-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
			'svix-signature': signature,
		},
		body,
	};
}
