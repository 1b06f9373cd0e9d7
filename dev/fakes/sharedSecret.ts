import { SECRET_QUERY_PARAMETER } from '../../nodes/shared/webhook/sharedSecret';
import {
	CLOSED_PORT_URL,
	type Signer,
	type TestCredentialSettings,
	type TestProvider,
} from './types';

/** The header the tests send the shared secret in unless they name another. */
export const DEFAULT_SECRET_HEADER = 'X-Webhook-Secret';

/**
 * The proof of providers that sign nothing (nodes/shared/webhook/sharedSecret.ts): the secret in a
 * header the customer names at the provider, or as ?token= in the URL.
 */
export const sharedSecretSigner: Signer = {
	proof: 'shared secret',
	secret: (seed) => seed,
	sign(delivery, { secret, secretInQuery, headerName = DEFAULT_SECRET_HEADER }) {
		if (!secret) return delivery;
		if (secretInQuery)
			return { ...delivery, query: { ...delivery.query, [SECRET_QUERY_PARAMETER]: secret } };
		return { ...delivery, headers: { ...delivery.headers, [headerName]: secret } };
	},
};

/**
 * The test credential of a shared-secret provider: a custom base URL, the API key in the provider's own
 * field, and the webhook secret with its header (what credentialSharedSecret reads).
 */
export function sharedSecretCredentials(
	apiKeyField: string,
	fakeKey: string,
): TestProvider['credentials'] {
	return ({
		baseUrl = CLOSED_PORT_URL,
		apiKey = fakeKey,
		secret = '',
		headerName = DEFAULT_SECRET_HEADER,
	}: TestCredentialSettings = {}) => ({
		environment: 'custom',
		baseUrl,
		[apiKeyField]: apiKey,
		webhookHeaderName: headerName,
		webhookSecret: secret,
	});
}
