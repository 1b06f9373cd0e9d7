import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { toItems } from '../../../shared/operations';
import { summariseResults } from '../../../shared/results';
import { lmlResultRow } from '../../results';
import { getLabResults } from '../../transport';
import { testRegistrationIdAt, testRegistrationLocator } from '../common';

const properties: INodeProperties[] = [
	testRegistrationLocator,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'One Item per Biomarker',
				value: 'rows',
				description: 'A normalised row per biomarker, ready for a sheet or a loop',
			},
			{
				name: 'Summary and Rows',
				value: 'summary',
				description: 'One item with a summary, the normalised rows and the raw results',
			},
		],
		default: 'summary',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['labResults'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const testRegistrationId = testRegistrationIdAt(this, itemIndex);
	const fetched = await getLabResults(this, testRegistrationId);
	if (!fetched.found)
		return toItems({ testRegistrationId, ready: false, message: fetched.message });
	const rows = fetched.value.map(lmlResultRow);
	if (this.getNodeParameter('output', itemIndex) === 'rows') {
		return toItems(rows.map((row) => ({ testRegistrationId, ...row })));
	}
	return toItems({
		testRegistrationId,
		ready: true,
		summary: summariseResults(rows),
		rows,
		raw: fetched.value,
	});
}
