import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import {
	filtersProperty,
	nonEmptyFields,
	requestedLimit,
	returnAllOrLimit,
	sortProperty,
	type IdParameter,
} from './parameters';
import type { Fetched } from '../transport/fetched';
import { defineOperation, toItems, type OperationModule } from './actionNode';
import { getPages, type Paging } from '../transport/pagination';
import { labResults, resultsItems, resultsOutputProperty, type ReadyResults } from '../results';
import { withMessages } from '../resultsForPeople/messages';
import { messageSettingsAt, resultsOptionsProperty } from '../resultsForPeople/parameters';
import { FHIR_OUTPUT, fhirItems, fhirOptionsProperty } from '../fhir/output';
import type { FhirRecord } from '../fhir/bundle';

/**
 * The kinds of operation every provider has: Get by ID, Get Many, a PDF download and Get results. Each
 * `.operation.ts` of such a kind declares its menu entry, its own parameters and its request; the
 * parameters and the output of the kind are written here once.
 */
interface Described {
	action: string;
	description: string;
}

/** Get: the record with the ID the user entered, as one item. */
export function defineGet({
	action,
	description,
	id,
	get,
}: Described & {
	id: IdParameter;
	get(context: IExecuteFunctions, id: string, itemIndex: number): Promise<IDataObject>;
}): OperationModule {
	return defineOperation({
		name: 'Get',
		value: 'get',
		action,
		description,
		properties: [id.property],
		async execute(itemIndex) {
			return toItems(await get(this, id.at(this, itemIndex), itemIndex));
		},
	});
}

/**
 * Get Many: Return All or a Limit, optional Filters and Sort, one item per record. The request is a GET
 * of `path` over the provider's paging, with the Filters and Sort options that are set as its query.
 */
export function defineGetMany<Body>({
	action,
	description,
	filters,
	sort,
	path,
	paging,
	query = (set) => set,
}: Described & {
	/** The options of the Filters collection; none, no Filters. */
	filters?: INodeProperties[];
	/** The options of the Sort collection; none, no Sort. */
	sort?: INodeProperties[];
	path: string;
	paging: Paging<Body>;
	/** The query for the Filters and Sort options that are set (empty ones left out), if not as named. */
	query?: (set: IDataObject) => IDataObject;
}): OperationModule {
	const collections = [
		...(filters ? [filtersProperty(filters)] : []),
		...(sort ? [sortProperty(sort)] : []),
	];
	return defineOperation({
		name: 'Get Many',
		value: 'getMany',
		action,
		description,
		properties: [...returnAllOrLimit(), ...collections],
		async execute(itemIndex) {
			const limit = requestedLimit(this, itemIndex);
			const set: IDataObject = {};
			for (const { name } of collections)
				Object.assign(set, this.getNodeParameter(name, itemIndex, {}) as IDataObject);
			const qs = query(nonEmptyFields(set));
			return toItems(await getPages(this, paging, path, qs, limit, itemIndex));
		},
	});
}

/**
 * A PDF download: one item with the file as binary data, or saying it is not ready yet. The item names
 * the record by the ID parameter's name (`{ orderId }`).
 */
export function definePdfDownload({
	id,
	document,
	fileName,
	download,
	...option
}: Described & {
	name: string;
	value: string;
	id: IdParameter;
	/** What the file is, for the output field's description ("results report"). */
	document: string;
	fileName(id: string): string;
	download(context: IExecuteFunctions, id: string, itemIndex: number): Promise<Fetched<Buffer>>;
}): OperationModule {
	return defineOperation({
		...option,
		properties: [id.property, pdfFieldProperty(document)],
		async execute(itemIndex) {
			const value = id.at(this, itemIndex);
			const pdf = await download(this, value, itemIndex);
			return await pdfItems(this, itemIndex, { [id.name]: value }, pdf, fileName(value));
		},
	});
}

/**
 * Get results: the shared results block (Output: one item, or one item per biomarker) of the record
 * with this ID, from the provider's fetch and its row mapper.
 */
export function defineResultsGet<Raw>({
	name = 'Get',
	value = 'get',
	action,
	description,
	id,
	summary,
	fetch,
	read,
	rowFields,
	fhir,
	pdf,
}: Described & {
	/** The menu entry, if not "Get" (`get`): a resource with results of more than one kind of record. */
	name?: string;
	value?: string;
	id: IdParameter;
	/** The Output option with the whole results block. */
	summary: Omit<INodePropertyOptions, 'value'>;
	fetch(context: IExecuteFunctions, id: string, itemIndex: number): Promise<Fetched<Raw>>;
	read(raw: Raw): ReadyResults;
	/** Fields added to each row of One Item per Biomarker. */
	rowFields?: (results: ReadyResults) => IDataObject;
	/** Whose results these are, for the FHIR R4 Bundle output. */
	fhir: (raw: Raw, id: string) => FhirRecord;
	/** The results PDF, for the FHIR output's Include PDF. */
	pdf?: (context: IExecuteFunctions, id: string, itemIndex: number) => Promise<Fetched<Buffer>>;
}): OperationModule {
	return defineOperation({
		name,
		value,
		action,
		description,
		properties: [
			id.property,
			resultsOutputProperty(summary),
			fhirOptionsProperty(Boolean(pdf)),
			resultsOptionsProperty({ hide: { output: [FHIR_OUTPUT] } }),
		],
		async execute(itemIndex) {
			const value = id.at(this, itemIndex);
			const settings = messageSettingsAt(this, itemIndex);
			const fetched = await fetch(this, value, itemIndex);
			const results = withMessages(labResults(fetched, read), settings);
			const output = this.getNodeParameter('output', itemIndex) as string;
			if (output === FHIR_OUTPUT && fetched.found) {
				return await fhirItems(
					this,
					itemIndex,
					results,
					{ [id.name]: value },
					() => fhir(fetched.value, value),
					pdf && (async () => await pdf(this, value, itemIndex)),
				);
			}
			return resultsItems(results, output, { [id.name]: value }, rowFields);
		},
	});
}

/** Where a PDF operation puts the file; `what` names the document ("results report"). */
export function pdfFieldProperty(what: string): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		description: `The ${what}, as a PDF file`,
	};
}

/** One item carrying the PDF as binary, or saying why there is none yet; `identity` names the record. */
export async function pdfItems(
	context: IExecuteFunctions,
	itemIndex: number,
	identity: IDataObject,
	pdf: Fetched<Buffer>,
	fileName: string,
): Promise<INodeExecutionData[]> {
	if (!pdf.found) return [{ json: { ...identity, ready: false, message: pdf.message } }];
	const binaryPropertyName = context.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const file = await context.helpers.prepareBinaryData(pdf.value, fileName, 'application/pdf');
	return [{ json: { ...identity, ready: true, fileName }, binary: { [binaryPropertyName]: file } }];
}
