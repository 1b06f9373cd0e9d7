import { withFhir } from '../shared/fhir/output';
import { labResults, resultsEnrichment } from '../shared/results';
import type { Enrichment, ReceivedEvent, TriggerContext } from '../shared/trigger/source';
import type { LmlFields } from './fields';
import { lmlFhirRecord } from './fhir';
import { lmlResults } from './results';
import { getLabResults, getOrder, getTestRegistration } from './transport';

export type LmlResource = 'testRegistration' | 'labResults' | 'order';

/** Which resource "Fetch Full Data" fetches for an event, and by which id; undefined when it has none. */
export function resourceToFetch(
	event: string,
	fields: LmlFields,
): { resource: LmlResource; id: string } | undefined {
	const target = (resource: LmlResource, id: string | undefined) =>
		id ? { resource, id } : undefined;
	switch (event) {
		case 'lab_results.complete':
			return target('labResults', fields.testRegistrationId);
		case 'test_registration.retest':
			// The new registration is the one a workflow acts on next.
			return target('testRegistration', fields.retestTestRegistrationId);
		case 'order.shipped':
		case 'order.delivered':
			return target('order', fields.orderId);
		default:
			return target('testRegistration', fields.testRegistrationId);
	}
}

/** Fetch Full Data: the results, the registration or the order the event is about. */
export async function fetchFullData(
	context: TriggerContext,
	event: ReceivedEvent<LmlFields>,
): Promise<Enrichment | undefined> {
	const target = resourceToFetch(event.name, event.fields);
	if (!target) return undefined;
	if (target.resource === 'labResults') {
		const results = labResults(await getLabResults(context, target.id), lmlResults);
		return withFhir(resultsEnrichment(results), results, () => lmlFhirRecord(target.id));
	}
	if (target.resource === 'order') return { json: { order: await getOrder(context, target.id) } };
	return { json: { testRegistration: await getTestRegistration(context, target.id) } };
}
