import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { trimBaseUrl } from '../shared/transport/api';
import type { LabProvider } from '../shared/provider';

/**
 * The base URL follows from environment, region and domain, or from the API key's prefix when they are
 * set to "From API Key": sk_ keys are sandbox keys, pk_ keys production keys, and `_eu_` after the first
 * three characters means the EU region. Any other key counts as production US. This must give the same
 * answer as JUNCTION_BASE_URL_EXPRESSION in the credential (a unit test compares them).
 */
export function junctionBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'custom') return String(credentials.baseUrl ?? '');
	const apiKey = String(credentials.apiKey);
	const sandbox =
		credentials.environment === 'sandbox' ||
		(credentials.environment === 'auto' && apiKey.startsWith('sk_'));
	const eu =
		credentials.region === 'eu' || (credentials.region === 'auto' && apiKey.slice(3, 6) === 'eu_');
	const legacy = credentials.domain === 'legacy';
	const region = eu ? 'eu.' : legacy ? '' : 'us.';
	return `https://api.${sandbox ? 'sandbox.' : ''}${region}${legacy ? 'tryvital.io' : 'junction.com'}`;
}

const JUNCTION_HOSTS = /(^|\.)(junction\.com|tryvital\.io)$/;

/**
 * Whether requests would reach Junction's production API: a Junction host without "sandbox", or a
 * production key (pk_…) whatever the URL. A custom URL elsewhere (a proxy, a test server) is not.
 */
export function isProduction(credentials: ICredentialDataDecryptedObject): boolean {
	if (String(credentials.apiKey ?? '').startsWith('pk_')) return true;
	let host: string;
	try {
		host = new URL(trimBaseUrl(junctionBaseUrl(credentials))).hostname.toLowerCase();
	} catch {
		return false;
	}
	return JUNCTION_HOSTS.test(host) && !host.split('.').includes('sandbox');
}

export const junction: LabProvider = {
	key: 'junction',
	providerName: 'Junction',
	credentialType: 'junctionApi',
	baseUrl: junctionBaseUrl,
	authenticationHint:
		'Check the API key in the credential, and that environment and region match it: sk_ keys only work on the sandbox, pk_ keys only in production, and an EU key only on the EU host.',
	// Taken by POST /v3/order and, in closed beta, PSC booking (lowercase there; headers ignore case).
	idempotencyKeyHeader: 'X-Idempotency-Key',
	patientFields: [
		'fallback_birth_date',
		// Appointments: the coordinates of the address the phlebotomist visits.
		'location',
		'patient_address',
		'patient_details',
		// Lab report parsing: the patient as printed on the report.
		'patient_first_name',
		'patient_last_name',
		'receiver_name',
		'shipping_details',
	],
};
