import { definePdfDownload } from '../../../shared/commonOperations';
import { downloadPdf } from '../../transport';
import { orderTransactionId } from '../orderTransactionId';

export default definePdfDownload({
	name: 'Download Transaction PDF',
	value: 'getTransactionPdf',
	action: 'Download the results PDF of an order transaction',
	description: 'Download the combined results report of an order and its redraw as a PDF file',
	id: orderTransactionId,
	document: 'combined results report',
	// The name the trigger gives the same file (Fetch Full Data with Attach Results PDF).
	fileName: (id) => `junction-results-${id}.pdf`,
	download: (context, id, itemIndex) =>
		downloadPdf(context, { kind: 'transaction', id }, 'results', itemIndex),
});
