import { withFhir } from '../shared/fhir/output';
import { resultsEnrichment } from '../shared/results';
import type { Enrichment, ReceivedEvent, TriggerContext } from '../shared/trigger/source';
import type { HurdleFields } from './fields';
import { hurdleFhirRecord } from './fhir';
import { hurdleResults } from './results';
import { getOrder, getTest } from './transport';

function nothingFetched(message: string): Enrichment {
	return { json: { fullData: { fetched: false, message } } };
}

async function fetchTest(context: TriggerContext, testId: string): Promise<Enrichment> {
	const test = await getTest(context, testId);
	const results = hurdleResults(test);
	return withFhir(resultsEnrichment(results, { test }), results, () =>
		hurdleFhirRecord(test, testId),
	);
}

async function fetchOrder(context: TriggerContext, orderNumber: string): Promise<Enrichment> {
	const order = await getOrder(context, orderNumber);
	if (order.found) return { json: { order: order.value } };
	return {
		json: {
			fullData: { fetched: false, message: order.message },
			order: { available: false, message: order.message },
		},
	};
}

/** Fetch Full Data: the test with its results, or the order, the event is about. */
export async function fetchFullData(
	context: TriggerContext,
	event: ReceivedEvent<HurdleFields>,
): Promise<Enrichment | undefined> {
	// The ids come from the payload whatever its schema said, so an invalid event is enriched too.
	const { orderNumber, testId } = event.fields;
	if (event.name.startsWith('test.')) {
		if (testId) return await fetchTest(context, testId);
		return nothingFetched(
			'This event carries no test ID (Hurdle sends it from TEST.LAB_ACCESSIONED on), so there was no test to fetch',
		);
	}
	if (event.name.startsWith('order.')) {
		if (orderNumber) return await fetchOrder(context, orderNumber);
		return nothingFetched('This event carries no order number, so there was no order to fetch');
	}
	if (event.name.startsWith('phlebotomy.')) {
		return nothingFetched(
			'Hurdle documents no API for reading phlebotomy appointments, so nothing was fetched',
		);
	}
	return undefined;
}
