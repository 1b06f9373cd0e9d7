import { labResults, resultsEnrichment, type LabResults } from '../shared/results';
import type { Enrichment, ReceivedEvent, TriggerContext } from '../shared/trigger/source';
import { kindOf, STATUSES_WITH_RESULTS } from './events';
import type { JunctionFields } from './fields';
import { withFhir } from '../shared/fhir/output';
import { junctionFhirRecord, parsedReportFhirRecord } from './fhir';
import { junctionResults, parsedReportResults } from './results';
import { apiPath, getRecord } from '../shared/transport/api';
import { downloadPdf, getLabResults, pdfFileName, type ResultsScope } from './transport';
import { junction } from './provider';
import type { JunctionTriggerOptions } from './webhook';

export const RESULTS_PDF_PROPERTY = 'resultsPdf';

/**
 * Whose results an order event fetches. An order whose transaction holds a redraw (or a recreation)
 * gets the transaction's combined results on the redraw's own events and once the transaction is
 * completed; at `redraw_available` the initial order's results are final and fetched on their own.
 */
function resultsScope(fields: JunctionFields): ResultsScope | undefined {
	if (!fields.orderId) return undefined;
	const combined =
		fields.orderTransactionId !== undefined &&
		(fields.transactionOrderCount ?? 0) > 1 &&
		fields.status !== 'redraw_available' &&
		(fields.origin === 'redraw' ||
			fields.origin === 'recreation' ||
			fields.orderTransactionStatus === 'completed');
	return combined
		? { kind: 'transaction', id: fields.orderTransactionId! }
		: { kind: 'order', id: fields.orderId };
}

async function resultsOf(
	context: TriggerContext,
	scope: ResultsScope,
	options: JunctionTriggerOptions,
): Promise<Enrichment> {
	const fetched = await getLabResults(context, scope);
	const results: LabResults = labResults(fetched, junctionResults);
	if (scope.kind === 'transaction') Object.assign(results, { scope: 'transaction' });
	const enrichment: Enrichment = withFhir(resultsEnrichment(results), results, () =>
		junctionFhirRecord(fetched.found ? fetched.value : {}, scope),
	);
	if (!results.ready || !options.attachResultsPdf) return enrichment;
	const pdf = await downloadPdf(context, scope, 'results');
	if (pdf.found) {
		const fileName = pdfFileName('results', scope.id);
		const file = await context.helpers.prepareBinaryData(pdf.value, fileName, 'application/pdf');
		enrichment.binary = { [RESULTS_PDF_PROPERTY]: file };
		results.pdf = { attached: true, binaryProperty: RESULTS_PDF_PROPERTY, fileName };
	} else {
		results.pdf = { attached: false, message: pdf.message };
	}
	return enrichment;
}

/** Fetch Full Data for a Junction event: what the event is about, read from the credential's host. */
export async function fetchFullData(
	context: TriggerContext,
	event: ReceivedEvent<JunctionFields>,
	options: JunctionTriggerOptions,
): Promise<Enrichment | undefined> {
	const { fields } = event;
	switch (kindOf(event.name)) {
		case 'order': {
			const scope = resultsScope(fields);
			if (!scope || !STATUSES_WITH_RESULTS.includes(String(fields.status))) return undefined;
			return await resultsOf(context, scope, options);
		}
		case 'criticalResult':
			return fields.orderId
				? await resultsOf(context, { kind: 'order', id: fields.orderId }, options)
				: undefined;
		case 'matchReview':
			if (!fields.unmatchedResultId) return undefined;
			return {
				json: {
					unmatchedResult: await getRecord(
						context,
						junction,
						apiPath('/v3/unmatched_result', fields.unmatchedResultId),
					),
				},
			};
		case 'parsingJob': {
			if (!fields.parsingJobId || fields.jobStatus !== 'completed') return undefined;
			const job = await getRecord(
				context,
				junction,
				apiPath('/lab_report/v1/parser/job', fields.parsingJobId),
			);
			const results = parsedReportResults(job);
			return withFhir(resultsEnrichment(results), results, () => parsedReportFhirRecord(job));
		}
		default:
			return undefined;
	}
}
