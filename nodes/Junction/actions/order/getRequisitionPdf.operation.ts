import { definePdfDownload } from '../../../shared/commonOperations';
import { downloadPdf } from '../../transport';
import { orderId } from '../orderId';

export default definePdfDownload({
	name: 'Download Requisition PDF',
	value: 'getRequisitionPdf',
	action: 'Download the requisition PDF of an order',
	description: 'Download the requisition form as a PDF file',
	id: orderId,
	document: 'requisition form the patient takes to the draw',
	fileName: (id) => `junction-requisition-${id}.pdf`,
	download: (context, id, itemIndex) =>
		downloadPdf(context, { kind: 'order', id }, 'requisition', itemIndex),
});
