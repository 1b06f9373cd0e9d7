import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { requiredText } from '../../../shared/descriptions';
import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import {
	BIOMARKER_ROWS_OUTPUT,
	biomarkerRowItems,
	resultsOutputProperty,
} from '../../../shared/results';
import { hurdleResults } from '../../results';
import { getTest } from '../../transport';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a test',
	description: 'Get a test with its results, as normalised rows',
};

const parameters: INodeProperties[] = [
	{
		displayName: 'Test ID',
		name: 'testId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 6377bcd6cd7907948cb56ff7',
		description:
			'Not the kit ID: Hurdle sends the test ID in test events from TEST.LAB_ACCESSIONED on',
	},
	resultsOutputProperty(
		{
			name: 'Test With Summary and Rows',
			description: 'The test, a summary of its results and the normalised rows',
		},
		[
			{
				name: 'Test as Returned',
				value: 'raw',
				description: 'The test exactly as Hurdle returns it',
			},
		],
	),
];

export const properties = updateDisplayOptions(showFor('test', option), parameters);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const testId = requiredText(this, 'testId', 'Test ID', itemIndex);
	const test = await getTest(this, testId, itemIndex);
	const output = this.getNodeParameter('output', itemIndex) as string;
	if (output === 'raw') return toItems(test);
	const results = hurdleResults(test);
	if (output === BIOMARKER_ROWS_OUTPUT) {
		return biomarkerRowItems(results, { testId }, () => ({
			kitId: test.kitId ?? null,
			productCode: test.productCode ?? null,
			status: test.status ?? null,
		}));
	}
	return toItems({ ...test, results });
}
