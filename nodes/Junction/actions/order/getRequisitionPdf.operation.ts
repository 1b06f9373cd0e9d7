import { defineJunctionPdf } from '../pdfDownload';

export default defineJunctionPdf({
	name: 'Download Requisition PDF',
	value: 'getRequisitionPdf',
	action: 'Download the requisition PDF of an order',
	description: 'Download the requisition form as a PDF file',
	scope: 'order',
	pdf: 'requisition',
	document: 'requisition form the patient takes to the draw',
});
