import type { ProviderApi } from '../../../../nodes/shared/transport/api';

/** A provider API for the transport's tests: the base URL comes from the credential, writes take a key. */
export const TEST_LAB_API: ProviderApi = {
	providerName: 'Test Lab',
	credentialType: 'junctionApi',
	baseUrl: (credentials) => String(credentials.baseUrl),
	authenticationHint: 'Check the key.',
	idempotencyKeyHeader: 'X-Test-Idempotency-Key',
};
