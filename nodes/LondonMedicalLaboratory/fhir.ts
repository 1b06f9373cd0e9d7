import type { FhirRecord } from '../shared/fhir/bundle';
import { lml } from './provider';

/** LML's lab results name no dates, product or patient: the report is known by its test registration. */
export function lmlFhirRecord(testRegistrationId: string): FhirRecord {
	return {
		provider: lml.key,
		providerName: lml.providerName,
		kind: 'test-registration',
		id: testRegistrationId,
		status: 'final',
	};
}
