import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { callApi } from '../../../shared/api';
import {
	filtersProperty,
	nonEmptyFields,
	requestedLimit,
	returnAllOrLimit,
} from '../../../shared/descriptions';
import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { collectPages } from '../../../shared/pagination';
import { modalityOptions } from '../../events';
import { junctionApi } from '../../transport';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many lab tests',
	description: 'List the lab tests your team can order',
};

const parameters: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersProperty([
		{
			displayName: 'Collection Method',
			name: 'collection_method',
			type: 'options',
			options: modalityOptions,
			default: 'testkit',
		},
		{
			displayName: 'Include Pricing',
			name: 'include_pricing',
			type: 'boolean',
			default: true,
			description: 'Whether to include the prices of the tests',
		},
		{
			displayName: 'Lab Slug',
			name: 'lab_slug',
			type: 'string',
			default: '',
			placeholder: 'e.g. labcorp',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Case-insensitive part of the lab test name',
		},
		{
			displayName: 'Source',
			name: 'generation_method',
			type: 'options',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Created by Junction', value: 'auto' },
				{ name: 'Created by Your Team', value: 'manual' },
			],
			default: 'manual',
			description: 'Which lab tests to list; Junction lists only your own by default',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Active', value: 'active' },
				{ name: 'Pending Approval', value: 'pending_approval' },
				{ name: 'Inactive', value: 'inactive' },
			],
			default: 'active',
		},
	]),
];

export const properties = updateDisplayOptions(showFor('labTest', option), parameters);

/** GET /v3/lab_test documents 50 as the default `lab_test_limit` and no maximum; 50 is safe. */
export const LAB_TESTS_MAX_PAGE_SIZE = 50;

interface LabTestsPage {
	data?: IDataObject[];
	next_cursor?: string | null;
}

/** GET /v3/lab_test, following `next_cursor` until it is null. */
async function listLabTests(
	context: IExecuteFunctions,
	qs: IDataObject,
	limit?: number,
): Promise<IDataObject[]> {
	return await collectPages(
		async ({ cursor, pageSize }) => {
			const { body } = await callApi<LabTestsPage>(context, junctionApi, {
				method: 'GET',
				path: '/v3/lab_test',
				qs: {
					...qs,
					lab_test_limit: pageSize,
					...(cursor === undefined ? {} : { next_cursor: cursor }),
				},
			});
			return { items: body?.data ?? [], next: body?.next_cursor || null };
		},
		{ limit, maxPageSize: LAB_TESTS_MAX_PAGE_SIZE },
	);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = requestedLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	return toItems(await listLabTests(this, nonEmptyFields(filters), limit));
}
