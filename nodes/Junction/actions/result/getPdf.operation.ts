import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { showFor, type OperationOption } from '../../../shared/operations';
import { pdfFieldProperty, pdfItems } from '../../../shared/pdf';
import { downloadPdf } from '../../transport';
import { orderIdAt, orderIdProperty } from '../orderId';

export const option: OperationOption = {
	name: 'Download PDF',
	value: 'getPdf',
	action: 'Download the results PDF of an order',
	description: 'Download the results report as a PDF file',
};

export const properties = updateDisplayOptions(showFor('result', option), [
	orderIdProperty,
	pdfFieldProperty('results report'),
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = orderIdAt(this, itemIndex);
	const pdf = await downloadPdf(this, { kind: 'order', id: orderId }, 'results', itemIndex);
	return await pdfItems(this, itemIndex, { orderId }, pdf, `junction-results-${orderId}.pdf`);
}
