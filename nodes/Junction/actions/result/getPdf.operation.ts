import { definePdfDownload } from '../../../shared/commonOperations';
import { downloadPdf } from '../../transport';
import { orderId } from '../orderId';

export default definePdfDownload({
	name: 'Download PDF',
	value: 'getPdf',
	action: 'Download the results PDF of an order',
	description: 'Download the results report as a PDF file',
	id: orderId,
	document: 'results report',
	fileName: (id) => `junction-results-${id}.pdf`,
	download: (context, id, itemIndex) =>
		downloadPdf(context, { kind: 'order', id }, 'results', itemIndex),
});
