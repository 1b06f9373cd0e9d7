import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { toItems } from '../actions/actionNode';
import type { PatientDataMode } from '../privacy';
import type { LabResults, ReadyResults } from '../results';
import type { Fetched } from '../transport/fetched';
import type { Enrichment } from '../trigger/source';
import { fhirBundles, type FhirOptions, type FhirRecord } from './bundle';

/** The Output value of every results operation and trigger that gives FHIR. Saved in workflows. */
export const FHIR_OUTPUT = 'fhir';

export const FHIR_OUTPUT_OPTION: INodePropertyOptions = {
	name: 'FHIR R4 Bundle',
	value: FHIR_OUTPUT,
	description:
		'A FHIR R4 Bundle: a DiagnosticReport, one Observation per biomarker and a pseudonymous Patient',
};

/** What a trigger's Fetch Full Data keeps for the FHIR output: the results and whose they are. */
export interface FhirSource {
	results: ReadyResults;
	record: FhirRecord;
}

const REFERENCE = /^Patient\/[A-Za-z0-9\-.]{1,64}$/;

const bundleType: INodeProperties = {
	displayName: 'Bundle Type',
	name: 'bundleType',
	type: 'options',
	options: [
		{
			name: 'Collection',
			value: 'collection',
			description: 'The resources, to store or hand on as they are',
		},
		{
			name: 'Transaction',
			value: 'transaction',
			description:
				"To POST to a FHIR server's base URL: every entry is a conditional create on its identifier, so posting the same results again creates nothing",
		},
	],
	default: 'collection',
};

const maxEntries: INodeProperties = {
	displayName: 'Max Entries per Transaction',
	name: 'maxEntries',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description:
		'0 for one transaction. Some servers refuse long transactions with conditional creates (Medplum with transaction bundles on: more than 8); with a limit, the results come as several transactions, one item each, to POST in order: the Observations first, then the report, which then names its Observations by identifier.',
};

const patientReference: INodeProperties = {
	displayName: 'Patient Reference',
	name: 'patientReference',
	type: 'string',
	default: '',
	placeholder: 'e.g. Patient/123',
	description:
		'A Patient that already exists on the FHIR server, to file the results against instead of a pseudonymous Patient',
};

const includePdf: INodeProperties = {
	displayName: 'Include PDF',
	name: 'includePdf',
	type: 'boolean',
	default: false,
	description:
		"Whether to embed the lab's PDF report in the DiagnosticReport (presentedForm, base64: the item grows by a third of the file)",
};

/** The FHIR options of a results operation, shown while Output is FHIR R4 Bundle. */
export function fhirOptionsProperty(withPdf: boolean): INodeProperties {
	return {
		displayName: 'FHIR Options',
		name: 'fhirOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { output: [FHIR_OUTPUT] } },
		options: [bundleType, ...(withPdf ? [includePdf] : []), maxEntries, patientReference],
	};
}

/** The same options, flat, in a trigger's Options collection. */
export const fhirTriggerOptions: INodeProperties[] = [
	{ ...bundleType, displayName: 'FHIR Bundle Type', name: 'fhirBundleType' },
	{ ...maxEntries, displayName: 'FHIR Max Entries per Transaction', name: 'fhirMaxEntries' },
	{ ...patientReference, displayName: 'FHIR Patient Reference', name: 'fhirPatientReference' },
];

export interface FhirSettings {
	bundleType?: string;
	maxEntries?: number;
	patientReference?: string;
}

/** The options as the bundle needs them; a Patient Reference that is not `Patient/<id>` is refused. */
export function fhirOptionsFrom(
	settings: FhirSettings,
	mode: PatientDataMode | undefined,
): FhirOptions | { error: string } {
	const reference = (settings.patientReference ?? '').trim();
	if (reference && !REFERENCE.test(reference))
		return { error: 'Patient Reference must be a Patient on the FHIR server: Patient/<id>' };
	return {
		bundleType: settings.bundleType === 'transaction' ? 'transaction' : 'collection',
		maxEntries: Math.max(0, Math.floor(Number(settings.maxEntries) || 0)),
		includePatientDetails: mode === 'include',
		...(reference ? { patientReference: reference } : {}),
	};
}

/**
 * The items of a results operation whose Output is FHIR: one per Bundle (a split transaction gives
 * several, in the order to post them), or the usual item saying the results are not ready.
 */
export async function fhirItems(
	context: IExecuteFunctions,
	itemIndex: number,
	results: LabResults,
	identity: IDataObject,
	record: () => FhirRecord,
	pdf?: () => Promise<Fetched<Buffer>>,
): Promise<INodeExecutionData[]> {
	if (!results.ready) return toItems({ ...identity, ...results });
	const settings = context.getNodeParameter('fhirOptions', itemIndex, {}) as FhirSettings & {
		includePdf?: boolean;
	};
	const mode = context.getNodeParameter('patientData', itemIndex, 'leaveOut') as PatientDataMode;
	const options = fhirOptionsFrom(settings, mode);
	if ('error' in options)
		throw new NodeOperationError(context.getNode(), options.error, { itemIndex });
	const described = record();
	if (settings.includePdf && pdf) {
		const file = await pdf();
		if (file.found) {
			const title = `${described.providerName} results ${described.id}`;
			options.pdf = { data: file.value.toString('base64'), title };
		}
	}
	return toItems(fhirBundles(results, described, options) as unknown as IDataObject[]);
}

/**
 * A trigger's items for Output FHIR R4 Bundle: one per Bundle. With a Patient Reference that is not
 * `Patient/<id>`, why not: the event is then emitted as one item, with it.
 */
export function fhirTriggerItems(
	source: FhirSource,
	options: { fhirBundleType?: string; fhirMaxEntries?: number; fhirPatientReference?: string },
	mode: PatientDataMode,
): IDataObject[] | { error: string } {
	const fhirOptions = fhirOptionsFrom(
		{
			bundleType: options.fhirBundleType,
			maxEntries: options.fhirMaxEntries,
			patientReference: options.fhirPatientReference,
		},
		mode,
	);
	if ('error' in fhirOptions) return { error: fhirOptions.error };
	return fhirBundles(source.results, source.record, fhirOptions) as unknown as IDataObject[];
}

/** A trigger's enrichment, with what the FHIR output needs once the results are ready. */
export function withFhir(
	enrichment: Enrichment,
	results: LabResults,
	record: () => FhirRecord,
): Enrichment {
	return results.ready ? { ...enrichment, fhir: { results, record: record() } } : enrichment;
}
