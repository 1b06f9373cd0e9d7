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
	name: 'Download Requisition PDF',
	value: 'getRequisitionPdf',
	action: 'Download the requisition PDF of an order',
	description: 'Download the requisition form as a PDF file',
};

export const properties = updateDisplayOptions(showFor('order', option), [
	orderIdProperty,
	pdfFieldProperty('requisition form the patient takes to the draw'),
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = orderIdAt(this, itemIndex);
	const pdf = await downloadPdf(this, { kind: 'order', id: orderId }, 'requisition', itemIndex);
	return await pdfItems(this, itemIndex, { orderId }, pdf, `junction-requisition-${orderId}.pdf`);
}
