import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { getResultsPdf } from '../../transport';
import { orderIdAt, pdfItem, pdfProperties } from '../common';

export const description = updateDisplayOptions(
	{ show: { resource: ['result'], operation: ['getPdf'] } },
	pdfProperties('results report'),
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = orderIdAt(this, itemIndex);
	const pdf = await getResultsPdf(this, orderId, itemIndex);
	return await pdfItem(this, itemIndex, orderId, pdf, `junction-results-${orderId}.pdf`);
}
