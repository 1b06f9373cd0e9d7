import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

import { headerValue, reject, type HeaderMap, type Verdict } from './verdict';

/**
 * Standard Webhooks / Svix signatures: HMAC-SHA256 over `${id}.${timestamp}.${rawBody}` with the
 * base64-decoded part of a `whsec_…` secret, sent as a space-separated list of `v1,<base64>` entries.
 */
export type SignatureFailure =
	| 'no_secret'
	| 'malformed_secret'
	| 'missing_headers'
	| 'invalid_timestamp'
	| 'timestamp_too_old'
	| 'timestamp_too_new'
	| 'no_matching_signature';

export const DEFAULT_TOLERANCE_SECONDS = 300;

const SECRET_PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * Importing a raw key costs OpenSSL 3 far more than the HMAC itself, so each secret is imported once.
 * The cache only ever holds the few secrets configured in credentials.
 */
const importedKeys = new Map<string, KeyObject>();
const MAX_IMPORTED_KEYS = 64;

/** The HMAC key of a `whsec_<base64>` (or bare base64) secret, or undefined when it is malformed. */
export function signingKeyFrom(secret: string): KeyObject | undefined {
	const cached = importedKeys.get(secret);
	if (cached) return cached;
	const trimmed = secret.trim();
	const encoded = trimmed.startsWith(SECRET_PREFIX) ? trimmed.slice(SECRET_PREFIX.length) : trimmed;
	if (encoded.length === 0 || encoded.length % 4 === 1 || !BASE64.test(encoded)) return undefined;
	const bytes = Buffer.from(encoded, 'base64');
	if (bytes.length === 0) return undefined;
	if (importedKeys.size >= MAX_IMPORTED_KEYS) importedKeys.clear();
	const key = createSecretKey(bytes);
	importedKeys.set(secret, key);
	return key;
}

/** Several secrets may be configured at once (rotation); they are separated by whitespace, commas or new lines. */
export function splitSecrets(configured: string | undefined): string[] {
	return (configured ?? '').split(/[\s,]+/).filter((secret) => secret.length > 0);
}

function firstHeader(headers: HeaderMap, suffix: string): string | undefined {
	return headerValue(headers, `svix-${suffix}`) ?? headerValue(headers, `webhook-${suffix}`);
}

export interface StandardWebhookCheck {
	rawBody: Buffer;
	headers: HeaderMap;
	secrets: string[];
	toleranceSeconds?: number;
	nowSeconds?: number;
}

export function verifyStandardWebhook(check: StandardWebhookCheck): Verdict<SignatureFailure> {
	if (check.secrets.length === 0) {
		return reject('no_secret', 'No webhook signing secret is set in the credential');
	}
	const keys: KeyObject[] = [];
	for (const secret of check.secrets) {
		const key = signingKeyFrom(secret);
		if (!key) {
			return reject(
				'malformed_secret',
				'A webhook signing secret in the credential is not a valid whsec_ secret',
			);
		}
		keys.push(key);
	}

	const id = firstHeader(check.headers, 'id');
	const timestamp = firstHeader(check.headers, 'timestamp');
	const signatures = firstHeader(check.headers, 'signature');
	const missing = [
		id ? undefined : 'svix-id',
		timestamp ? undefined : 'svix-timestamp',
		signatures ? undefined : 'svix-signature',
	].filter(Boolean);
	if (!id || !timestamp || !signatures) {
		return reject('missing_headers', `Missing signature header(s): ${missing.join(', ')}`);
	}

	if (!UNIX_SECONDS.test(timestamp)) {
		return reject('invalid_timestamp', 'The svix-timestamp header is not a Unix time in seconds');
	}
	const tolerance = check.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
	const now = check.nowSeconds ?? Math.floor(Date.now() / 1000);
	const sentAt = Number(timestamp);
	if (now - sentAt > tolerance) {
		return reject(
			'timestamp_too_old',
			`The message timestamp is more than ${tolerance} s in the past`,
		);
	}
	if (sentAt - now > tolerance) {
		return reject(
			'timestamp_too_new',
			`The message timestamp is more than ${tolerance} s in the future`,
		);
	}

	const offered = signatures
		.split(' ')
		.map((entry) => entry.split(','))
		.filter(([version, value]) => version === 'v1' && value)
		.map(([, value]) => Buffer.from(value, 'base64'));
	for (const key of keys) {
		const expected = createHmac('sha256', key)
			.update(`${id}.${timestamp}.`)
			.update(check.rawBody)
			.digest();
		if (
			offered.some(
				(signature) => signature.length === expected.length && timingSafeEqual(signature, expected),
			)
		) {
			return { ok: true };
		}
	}
	return reject(
		'no_matching_signature',
		'No v1 signature matches the configured signing secret(s)',
	);
}
