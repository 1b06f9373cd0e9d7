import { hash, timingSafeEqual } from 'node:crypto';

import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

import type { Delivery } from './delivery';
import { headerValue, reject, type HeaderMap, type Verdict } from './verdict';

/**
 * For providers that sign nothing: the sender proves itself with a secret, sent in a header the customer
 * configures at the provider or, where the provider cannot send custom headers, as a token in the URL.
 */
export type SharedSecretFailure = 'no_secret' | 'missing_secret' | 'wrong_secret';

export const SECRET_QUERY_PARAMETER = 'token';

/** Digests of the configured secrets: a credential holds one, so the cache stays tiny. */
const expectedDigests = new Map<string, Buffer>();
const MAX_CACHED_DIGESTS = 64;

function expectedDigest(expected: string): Buffer {
	let digest = expectedDigests.get(expected);
	if (!digest) {
		if (expectedDigests.size >= MAX_CACHED_DIGESTS) expectedDigests.clear();
		digest = hash('sha256', expected, 'buffer');
		expectedDigests.set(expected, digest);
	}
	return digest;
}

/** Constant-time equality that also hides the expected length: both sides are hashed first. */
export function secretsEqual(provided: string, expected: string): boolean {
	// One-shot hashing, and the configured secret's digest only once: this runs on every delivery.
	return timingSafeEqual(hash('sha256', provided, 'buffer'), expectedDigest(expected));
}

export interface SharedSecretCheck {
	headers: HeaderMap;
	query: Record<string, unknown>;
	headerName: string;
	expected: string | undefined;
}

export function verifySharedSecret(check: SharedSecretCheck): Verdict<SharedSecretFailure> {
	const expected = check.expected ?? '';
	if (expected.length === 0) {
		return reject('no_secret', 'No webhook secret is set in the credential');
	}
	const fromHeader = check.headerName ? headerValue(check.headers, check.headerName) : undefined;
	const fromQuery = check.query[SECRET_QUERY_PARAMETER];
	const provided = fromHeader ?? (typeof fromQuery === 'string' ? fromQuery : undefined);
	if (provided === undefined) {
		return reject(
			'missing_secret',
			check.headerName
				? `The request carries no secret (expected header ${check.headerName} or query parameter ${SECRET_QUERY_PARAMETER})`
				: `The request carries no secret (expected query parameter ${SECRET_QUERY_PARAMETER})`,
		);
	}
	return secretsEqual(provided, expected)
		? { ok: true }
		: reject('wrong_secret', 'The webhook secret does not match the one in the credential');
}

/**
 * LML's and Hurdle's credentials hold the secret as `webhookHeaderName` + `webhookSecret`; this is their
 * triggers' `authenticate`.
 */
export function credentialSharedSecret(credentialType: string) {
	return async (
		context: IWebhookFunctions,
		delivery: Delivery,
	): Promise<Verdict<SharedSecretFailure>> => {
		const credentials = await context.getCredentials(credentialType);
		return verifySharedSecret({
			headers: delivery.headers,
			query: delivery.query,
			headerName: String(credentials.webhookHeaderName ?? ''),
			expected: credentials.webhookSecret as string | undefined,
		});
	};
}

/** For the activation check: why such a credential cannot verify anything, if it cannot. */
export function missingWebhookSecret(
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	return credentials.webhookSecret
		? undefined
		: 'The credential has no webhook secret, so every delivery would be refused';
}
