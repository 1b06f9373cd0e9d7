import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { labResults, resultsItems, resultsOutputProperty } from '../../../shared/results';
import { normaliseResults } from '../../results';
import { getResults } from '../../transport';
import { orderIdAt, orderIdProperty } from '../common';

const properties: INodeProperties[] = [
	orderIdProperty,
	resultsOutputProperty({
		name: 'Summary and Rows',
		description: 'One item with the status, a summary, the normalised rows and the raw results',
	}),
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
	const results = labResults(await getResults(this, orderId, itemIndex), normaliseResults);
	const output = this.getNodeParameter('output', itemIndex) as string;
	return resultsItems(results, output, { orderId }, ({ status }) => ({ resultStatus: status }));
}
