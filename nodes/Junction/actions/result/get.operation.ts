import { defineResultsGet } from '../../../shared/actions/operationKinds';
import { junctionFhirRecord } from '../../fhir';
import { junctionResults } from '../../results';
import { downloadPdf, getLabResults } from '../../transport';
import { orderId } from '../orderId';

export default defineResultsGet({
	action: 'Get the results of an order',
	description: 'Get the results as normalised rows with flags, a summary and the raw data',
	id: orderId,
	summary: {
		name: 'Summary and Rows',
		description: 'One item with the status, a summary, the normalised rows and the raw results',
	},
	fetch: (context, id, itemIndex) => getLabResults(context, { kind: 'order', id }, itemIndex),
	read: junctionResults,
	rowFields: ({ status }) => ({ resultStatus: status }),
	fhir: (raw, id) => junctionFhirRecord(raw, { kind: 'order', id }),
	pdf: (context, id, itemIndex) =>
		downloadPdf(context, { kind: 'order', id }, 'results', itemIndex),
});
