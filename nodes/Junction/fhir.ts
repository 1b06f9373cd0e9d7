import type { IDataObject } from 'n8n-workflow';

import type { FhirRecord } from '../shared/fhir/bundle';
import { textOrNull as text } from '../shared/results';
import { junction } from './provider';
import type { ResultsScope } from './transport';

function object(value: unknown): IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}

const KINDS: Record<ResultsScope['kind'], string> = {
	order: 'order',
	transaction: 'order-transaction',
};

/** `LabResultsRaw` of an order or an order transaction: status, collection date, laboratory, patient. */
export function junctionFhirRecord(raw: IDataObject, scope: ResultsScope): FhirRecord {
	const metadata = object(raw.metadata);
	return {
		provider: junction.key,
		providerName: junction.providerName,
		kind: KINDS[scope.kind],
		id: scope.id,
		status: metadata.status === 'partial' ? 'partial' : 'final',
		collected: text(metadata.date_collected),
		laboratory: text(metadata.laboratory),
		patient: { name: text(metadata.patient), birthDate: text(metadata.dob) },
	};
}

/** A completed lab report parsing job (`ParsingJob`): what Junction read from the report's header. */
export function parsedReportFhirRecord(job: IDataObject): FhirRecord {
	const metadata = object(object(job.data).metadata);
	const name = [text(metadata.patient_first_name), text(metadata.patient_last_name)]
		.filter(Boolean)
		.join(' ');
	return {
		provider: junction.key,
		providerName: junction.providerName,
		kind: 'parsing-job',
		id: text(job.id) ?? 'unknown',
		status: 'final',
		collected: text(metadata.date_collected),
		laboratory: text(metadata.lab_name),
		patient: { name, birthDate: text(metadata.dob), gender: text(metadata.gender) },
	};
}
