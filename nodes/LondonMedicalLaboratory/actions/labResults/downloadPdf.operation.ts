import { apiPath, callApi } from '../../../shared/transport/api';
import { definePdfDownload } from '../../../shared/actions/operationKinds';
import { found, missing } from '../../../shared/transport/fetched';
import { lml } from '../../provider';
import { testRegistrationId } from '../testRegistrationId';

export default definePdfDownload({
	name: 'Download PDF',
	value: 'downloadPdf',
	action: 'Download the results PDF',
	description: 'Download the results report as a PDF file',
	id: testRegistrationId,
	document: 'results report',
	fileName: (id) => `lml-results-${id}.pdf`,
	// LML answers 204 while the report is not ready.
	async download(context, id, itemIndex) {
		const { statusCode, body } = await callApi<Buffer>(
			context,
			lml,
			{
				method: 'GET',
				path: `${apiPath('/api/test_registration', id)}/download_pdf`,
				binary: true,
			},
			itemIndex,
		);
		return statusCode === 204 || !body?.length
			? missing('notReady', 'LML has not released the report yet')
			: found(Buffer.from(body));
	},
});
