import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The Return All / Limit pair of a Get Many operation. */
export function returnAllOrLimit(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** What the Return All / Limit pair asks for: a number of records, or undefined for all of them. */
export function requestedLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	return context.getNodeParameter('returnAll', itemIndex)
		? undefined
		: (context.getNodeParameter('limit', itemIndex, 50) as number);
}

export function binaryPropertyProperty(description: string): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		description,
	};
}

export const patientDataProperty: INodeProperties = {
	displayName: 'Patient Details',
	name: 'patientData',
	type: 'options',
	options: [
		{
			name: 'Include',
			value: 'include',
			description: 'Keep names, birth dates, contact details and addresses',
		},
		{
			name: 'Leave Out',
			value: 'leaveOut',
			description: 'Drop names, birth dates, contact details and addresses; keep IDs and results',
		},
	],
	default: 'leaveOut',
	description:
		'Lab data is special-category health data. Leave patient details out when the output goes to chat channels or shared sheets.',
};
