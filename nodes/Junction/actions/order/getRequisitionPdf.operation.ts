import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { getRequisitionPdf } from '../../transport';
import { orderIdAt, pdfItem, pdfProperties } from '../common';

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['getRequisitionPdf'] } },
	pdfProperties('requisition form the patient takes to the draw'),
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = orderIdAt(this, itemIndex);
	const pdf = await getRequisitionPdf(this, orderId, itemIndex);
	return await pdfItem(this, itemIndex, orderId, pdf, `junction-requisition-${orderId}.pdf`);
}
