import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../../shared/operations';
import * as labResultsDownloadPdf from './labResults/downloadPdf.operation';
import * as labResultsGet from './labResults/get.operation';
import * as orderGet from './order/get.operation';
import * as orderGetMany from './order/getMany.operation';
import * as productGetMany from './product/getMany.operation';
import * as testRegistrationGet from './testRegistration/get.operation';
import * as testRegistrationGetMany from './testRegistration/getMany.operation';

export const lmlOperations: OperationTable = {
	testRegistration: { get: testRegistrationGet.execute, getMany: testRegistrationGetMany.execute },
	labResults: { get: labResultsGet.execute, downloadPdf: labResultsDownloadPdf.execute },
	order: { get: orderGet.execute, getMany: orderGetMany.execute },
	product: { getMany: productGetMany.execute },
};

export const lmlProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Lab Result', value: 'labResults' },
			{ name: 'Order', value: 'order' },
			{ name: 'Product', value: 'product' },
			{ name: 'Test Registration', value: 'testRegistration' },
		],
		default: 'labResults',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['testRegistration'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a test registration',
				description: 'Get a test registration by UUID, TRF code or foreign ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many test registrations',
				description: 'List test registrations',
			},
		],
		default: 'get',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['labResults'] } },
		options: [
			{
				name: 'Download PDF',
				value: 'downloadPdf',
				action: 'Download the results PDF',
				description: 'Download the results report as a PDF file',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get lab results',
				description: 'Get the results of a test registration, as normalised rows',
			},
		],
		default: 'get',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get an order', description: 'Get an order by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many orders', description: 'List orders' },
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
				description: 'List products',
			},
		],
		default: 'getMany',
	},
	...testRegistrationGet.description,
	...testRegistrationGetMany.description,
	...labResultsGet.description,
	...labResultsDownloadPdf.description,
	...orderGet.description,
	...orderGetMany.description,
	...productGetMany.description,
];
