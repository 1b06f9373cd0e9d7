import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { toItems } from '../../../shared/operations';
import { normaliseResults } from '../../results';
import { getResults } from '../../transport';
import { orderIdAt, orderIdProperty } from '../common';

const properties: INodeProperties[] = [
	orderIdProperty,
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
				description: 'One item with the status, a summary, the normalised rows and the raw results',
			},
		],
		default: 'summary',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['result'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = orderIdAt(this, itemIndex);
	const fetched = await getResults(this, orderId, itemIndex);
	if (!fetched.found) return toItems({ orderId, ready: false, message: fetched.message });
	const results = normaliseResults(fetched.value);
	if (this.getNodeParameter('output', itemIndex) === 'rows') {
		return toItems(results.rows.map((row) => ({ orderId, resultStatus: results.status, ...row })));
	}
	return toItems({ orderId, ...results });
}
