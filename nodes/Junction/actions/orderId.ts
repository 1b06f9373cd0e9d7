import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredText } from '../../shared/descriptions';

export const orderIdProperty: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. e1c380c1-7df4-487f-869e-f1be0193ca25',
	description: 'The Junction order ID (a UUID), as in the trigger output field orderId',
};

export function orderIdAt(context: IExecuteFunctions, itemIndex: number): string {
	return requiredText(context, 'orderId', 'Order ID', itemIndex);
}
