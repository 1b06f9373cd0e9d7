import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { requireValue } from '../../shared/api';
import { binaryPropertyProperty } from '../../shared/descriptions';
import type { Fetched } from '../../shared/fetched';

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
	return requireValue(
		context.getNode(),
		context.getNodeParameter('orderId', itemIndex) as string,
		'Order ID',
		itemIndex,
	);
}

export function pdfProperties(what: string): INodeProperties[] {
	return [orderIdProperty, binaryPropertyProperty(`The ${what}, as a PDF file`)];
}

/** One item carrying the PDF as binary, or saying why there is none yet. */
export async function pdfItem(
	context: IExecuteFunctions,
	itemIndex: number,
	orderId: string,
	pdf: Fetched<Buffer>,
	fileName: string,
): Promise<INodeExecutionData[]> {
	if (!pdf.found) return [{ json: { orderId, ready: false, message: pdf.message } }];
	const binaryPropertyName = context.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const file = await context.helpers.prepareBinaryData(pdf.value, fileName, 'application/pdf');
	return [{ json: { orderId, ready: true, fileName }, binary: { [binaryPropertyName]: file } }];
}
