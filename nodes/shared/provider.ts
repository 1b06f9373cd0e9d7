import type { ProviderApi } from './transport/api';

/**
 * One lab-testing provider, as the shared code needs to know it: its API (base URL from the
 * credential, messages), the key it goes by in items, tests and tools, and the fields of its payloads
 * that identify a patient beyond the names every provider uses (privacy.ts).
 */
export interface LabProvider extends ProviderApi {
	/** The `provider` of every trigger item, and the provider's name in tests, fixtures and tools. */
	key: string;
	patientFields: readonly string[];
}
