import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { showFor, type OperationOption } from '../../../shared/operations';
import { labResults, resultsItems, resultsOutputProperty } from '../../../shared/results';
import { lmlResults } from '../../results';
import { getLabResults } from '../../transport';
import { testRegistrationIdAt, testRegistrationLocator } from '../testRegistrationId';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get lab results',
	description: 'Get the results of a test registration, as normalised rows',
};

const parameters: INodeProperties[] = [
	testRegistrationLocator,
	resultsOutputProperty({
		name: 'Summary and Rows',
		description: 'One item with a summary, the normalised rows and the raw results',
	}),
];

export const properties = updateDisplayOptions(showFor('labResults', option), parameters);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const testRegistrationId = testRegistrationIdAt(this, itemIndex);
	const results = labResults(await getLabResults(this, testRegistrationId, itemIndex), lmlResults);
	const output = this.getNodeParameter('output', itemIndex) as string;
	return resultsItems(results, output, { testRegistrationId });
}
