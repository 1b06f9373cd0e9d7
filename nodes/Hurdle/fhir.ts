import type { IDataObject } from 'n8n-workflow';

import type { FhirRecord } from '../shared/fhir/bundle';
import { textOrNull as text } from '../shared/results';
import { hurdle } from './provider';

function objects(value: unknown): IDataObject[] {
	return Array.isArray(value)
		? value.filter((each): each is IDataObject => typeof each === 'object' && each !== null)
		: [];
}

/** A Hurdle test (`GET /tests/v2/{testId}`): its product, when its specimen was processed, its metadata. */
export function hurdleFhirRecord(test: IDataObject, testId: string): FhirRecord {
	const metadata = (
		typeof test.metadata === 'object' && test.metadata !== null ? test.metadata : {}
	) as IDataObject;
	const processed = objects(test.specimens)
		.map((specimen) => text(specimen.processedAt))
		.find(Boolean);
	return {
		provider: hurdle.key,
		providerName: hurdle.providerName,
		kind: 'test',
		id: text(test.id) ?? testId,
		status: 'final',
		product: { code: text(test.productCode) },
		reported: processed,
		patient: { birthDate: text(metadata.dateOfBirth), gender: text(metadata.gender) },
	};
}
