import { defineJunctionPdf } from '../pdfDownload';

export default defineJunctionPdf({
	name: 'Download Transaction PDF',
	value: 'getTransactionPdf',
	action: 'Download the results PDF of an order transaction',
	description: 'Download the combined results report of an order and its redraw as a PDF file',
	scope: 'transaction',
	pdf: 'results',
	document: 'combined results report',
});
