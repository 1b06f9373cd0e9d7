import { definePdfDownload } from '../../../shared/actions/operationKinds';
import { downloadResultsPdf } from '../../transport';
import { testRegistrationId } from '../testRegistrationId';

export default definePdfDownload({
	name: 'Download PDF',
	value: 'downloadPdf',
	action: 'Download the results PDF',
	description: 'Download the results report as a PDF file',
	id: testRegistrationId,
	document: 'results report',
	fileName: (id) => `lml-results-${id}.pdf`,
	download: downloadResultsPdf,
});
