import { defineResultsGet } from '../../../shared/actions/operationKinds';
import { junctionFhirRecord } from '../../fhir';
import { junctionResults } from '../../results';
import { downloadPdf, getLabResults } from '../../transport';
import { orderTransactionId } from '../orderTransactionId';

/**
 * The results of an order transaction, combined by Junction across its orders (an initial order and its
 * redraw or recreation). How Junction merges a marker both orders report is not documented: the node
 * passes on what it answers.
 */
export default defineResultsGet({
	name: 'Get Transaction Results',
	value: 'getTransactionResults',
	action: 'Get the combined results of an order transaction',
	description:
		'Get the results of an order and its redraw, combined, as normalised rows with flags, a summary and the raw data',
	id: orderTransactionId,
	summary: {
		name: 'Summary and Rows',
		description: 'One item with the status, a summary, the normalised rows and the raw results',
	},
	fetch: (context, id, itemIndex) => getLabResults(context, { kind: 'transaction', id }, itemIndex),
	read: junctionResults,
	rowFields: ({ status }) => ({ resultStatus: status }),
	fhir: (raw, id) => junctionFhirRecord(raw, { kind: 'transaction', id }),
	pdf: (context, id, itemIndex) =>
		downloadPdf(context, { kind: 'transaction', id }, 'results', itemIndex),
});
