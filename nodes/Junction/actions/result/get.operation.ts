import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { showFor, type OperationOption } from '../../../shared/operations';
import { labResults, resultsItems, resultsOutputProperty } from '../../../shared/results';
import { junctionResults } from '../../results';
import { getLabResults } from '../../transport';
import { orderIdAt, orderIdProperty } from '../orderId';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get the results of an order',
	description: 'Get the results as normalised rows with flags, a summary and the raw data',
};

const parameters: INodeProperties[] = [
	orderIdProperty,
	resultsOutputProperty({
		name: 'Summary and Rows',
		description: 'One item with the status, a summary, the normalised rows and the raw results',
	}),
];

export const properties = updateDisplayOptions(showFor('result', option), parameters);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = orderIdAt(this, itemIndex);
	const results = labResults(
		await getLabResults(this, { kind: 'order', id: orderId }, itemIndex),
		junctionResults,
	);
	const output = this.getNodeParameter('output', itemIndex) as string;
	return resultsItems(results, output, { orderId }, ({ status }) => ({ resultStatus: status }));
}
