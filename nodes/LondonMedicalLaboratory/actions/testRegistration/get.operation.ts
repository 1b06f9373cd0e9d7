import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { toItems } from '../../../shared/operations';
import { getTestRegistration } from '../../transport';
import { testRegistrationIdAt, testRegistrationLocator } from '../common';

export const description = updateDisplayOptions(
	{ show: { resource: ['testRegistration'], operation: ['get'] } },
	[testRegistrationLocator],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return toItems(await getTestRegistration(this, testRegistrationIdAt(this, itemIndex)));
}
