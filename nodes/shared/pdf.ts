import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { Fetched } from './fetched';

/** Where a PDF operation puts the file; `what` names the document ("results report"). */
export function pdfFieldProperty(what: string): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
		description: `The ${what}, as a PDF file`,
	};
}

/** One item carrying the PDF as binary, or saying why there is none yet; `identity` names the record. */
export async function pdfItems(
	context: IExecuteFunctions,
	itemIndex: number,
	identity: IDataObject,
	pdf: Fetched<Buffer>,
	fileName: string,
): Promise<INodeExecutionData[]> {
	if (!pdf.found) return [{ json: { ...identity, ready: false, message: pdf.message } }];
	const binaryPropertyName = context.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const file = await context.helpers.prepareBinaryData(pdf.value, fileName, 'application/pdf');
	return [{ json: { ...identity, ready: true, fileName }, binary: { [binaryPropertyName]: file } }];
}
