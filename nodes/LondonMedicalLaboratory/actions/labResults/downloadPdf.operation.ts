import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { apiPath, callApi } from '../../../shared/api';
import { found, missing, type Fetched } from '../../../shared/fetched';
import { showFor, type OperationOption } from '../../../shared/operations';
import { pdfFieldProperty, pdfItems } from '../../../shared/pdf';
import { lmlApi } from '../../transport';
import { testRegistrationIdAt, testRegistrationLocator } from '../testRegistrationId';

export const option: OperationOption = {
	name: 'Download PDF',
	value: 'downloadPdf',
	action: 'Download the results PDF',
	description: 'Download the results report as a PDF file',
};

export const properties = updateDisplayOptions(showFor('labResults', option), [
	testRegistrationLocator,
	pdfFieldProperty('results report'),
]);

/** The results report; LML answers 204 while it is not ready. */
async function downloadResultsPdf(
	context: IExecuteFunctions,
	testRegistrationId: string,
	itemIndex: number,
): Promise<Fetched<Buffer>> {
	const { statusCode, body } = await callApi<Buffer>(
		context,
		lmlApi,
		{
			method: 'GET',
			path: `${apiPath('/api/test_registration', testRegistrationId)}/download_pdf`,
			binary: true,
		},
		itemIndex,
	);
	return statusCode === 204 || !body?.length
		? missing('notReady', 'LML has not released the report yet')
		: found(Buffer.from(body));
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const testRegistrationId = testRegistrationIdAt(this, itemIndex);
	const pdf = await downloadResultsPdf(this, testRegistrationId, itemIndex);
	const fileName = `lml-results-${testRegistrationId}.pdf`;
	return await pdfItems(this, itemIndex, { testRegistrationId }, pdf, fileName);
}
