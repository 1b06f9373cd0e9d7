import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { getTestRegistration } from '../../transport';
import { testRegistrationIdAt, testRegistrationLocator } from '../testRegistrationId';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a test registration',
	description: 'Get a test registration by UUID, TRF code or foreign ID',
};

export const properties = updateDisplayOptions(showFor('testRegistration', option), [
	testRegistrationLocator,
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return toItems(await getTestRegistration(this, testRegistrationIdAt(this, itemIndex), itemIndex));
}
