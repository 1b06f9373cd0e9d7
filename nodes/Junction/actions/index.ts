import type { INodeProperties } from 'n8n-workflow';

import type { OperationTable } from '../../shared/operations';
import * as labTestGetMany from './labTest/getMany.operation';
import * as orderCancel from './order/cancel.operation';
import * as orderGet from './order/get.operation';
import * as orderGetMany from './order/getMany.operation';
import * as orderGetRequisitionPdf from './order/getRequisitionPdf.operation';
import * as orderSimulate from './order/simulate.operation';
import * as resultGet from './result/get.operation';
import * as resultGetPdf from './result/getPdf.operation';
import * as userCreate from './user/create.operation';
import * as userGet from './user/get.operation';

export const junctionOperations: OperationTable = {
	order: {
		get: orderGet.execute,
		getMany: orderGetMany.execute,
		cancel: orderCancel.execute,
		simulate: orderSimulate.execute,
		getRequisitionPdf: orderGetRequisitionPdf.execute,
	},
	result: { get: resultGet.execute, getPdf: resultGetPdf.execute },
	labTest: { getMany: labTestGetMany.execute },
	user: { get: userGet.execute, create: userCreate.execute },
};

export const junctionProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Lab Test', value: 'labTest' },
			{ name: 'Order', value: 'order' },
			{ name: 'Result', value: 'result' },
			{ name: 'User', value: 'user' },
		],
		default: 'order',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel an order',
				description: 'Cancel an order that has not been shipped or drawn yet',
			},
			{ name: 'Get', value: 'get', action: 'Get an order', description: 'Get an order by ID' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many orders',
				description: 'List orders, filtered by status, dates, user or interpretation',
			},
			{
				name: 'Get Requisition PDF',
				value: 'getRequisitionPdf',
				action: 'Get the requisition PDF of an order',
				description: 'Download the requisition form as a PDF file',
			},
			{
				name: 'Simulate',
				value: 'simulate',
				action: 'Simulate an order in the sandbox',
				description: 'Walk a sandbox order through its lifecycle, firing its webhooks',
			},
		],
		default: 'get',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['result'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the results of an order',
				description: 'Get the results as normalised rows with flags, a summary and the raw data',
			},
			{
				name: 'Get PDF',
				value: 'getPdf',
				action: 'Get the results PDF of an order',
				description: 'Download the results report as a PDF file',
			},
		],
		default: 'get',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['labTest'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many lab tests',
				description: 'List the lab tests your team can order',
			},
		],
		default: 'getMany',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a user',
				description: 'Create a Junction user for one of your client user IDs',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a user',
				description: 'Get a user by Junction user ID',
			},
		],
		default: 'get',
	},
	...orderGet.description,
	...orderGetMany.description,
	...orderCancel.description,
	...orderSimulate.description,
	...orderGetRequisitionPdf.description,
	...resultGet.description,
	...resultGetPdf.description,
	...labTestGetMany.description,
	...userGet.description,
	...userCreate.description,
];
