import { defineJunctionPdf } from '../pdfDownload';

export default defineJunctionPdf({
	name: 'Download PDF',
	value: 'getPdf',
	action: 'Download the results PDF of an order',
	description: 'Download the results report as a PDF file',
	scope: 'order',
	pdf: 'results',
	document: 'results report',
});
