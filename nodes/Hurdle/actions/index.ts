import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../../shared/operations';
import * as orderCreate from './order/create.operation';
import * as orderGet from './order/get.operation';
import * as orderGetMany from './order/getMany.operation';
import * as productGetMany from './product/getMany.operation';
import * as testGet from './test/get.operation';
import * as testRegisterKit from './test/registerKit.operation';

export const hurdleOperations: OperationTable = {
	order: { create: orderCreate.execute, get: orderGet.execute, getMany: orderGetMany.execute },
	test: { get: testGet.execute, registerKit: testRegisterKit.execute },
	product: { getMany: productGetMany.execute },
};

export const hurdleProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Order', value: 'order' },
			{ name: 'Product', value: 'product' },
			{ name: 'Test', value: 'test' },
		],
		default: 'test',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an order',
				description: 'Order a kit or a phlebotomy test for someone',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an order',
				description: 'Get an order by its order number',
			},
			{ name: 'Get Many', value: 'getMany', action: 'Get many orders', description: 'List orders' },
		],
		default: 'get',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['test'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a test',
				description: 'Get a test with its results, as normalised rows',
			},
			{
				name: 'Register Kit',
				value: 'registerKit',
				action: 'Register a kit',
				description: 'Register a kit to the person taking the test',
			},
		],
		default: 'get',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many products',
				description: 'List the products available to you',
			},
		],
		default: 'getMany',
	},
	...orderCreate.description,
	...orderGet.description,
	...orderGetMany.description,
	...testGet.description,
	...testRegisterKit.description,
	...productGetMany.description,
];
