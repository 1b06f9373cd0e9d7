import { junctionEventSchemas, type JunctionEventName } from '../../../../nodes/Junction/events';
import { jsonDelivery, type SampleSource } from '../../types';
import { junctionAppointment, junctionCriticalResult } from './appointmentsAndCriticalResults';
import { idsOf, text, type Overrides } from './common';
import { junctionOrder } from './orders';
import { junctionMatchReview, junctionParsingJob } from './reviewsAndReports';

export * from './appointmentsAndCriticalResults';
export * from './common';
export * from './fixtures';
export * from './orders';
export * from './reviewsAndReports';

/**
 * Realistic Junction (Vital) webhook bodies, shaped like the examples in Junction's docs and the
 * `ClientFacingOrder` / `ClientFacingAppointment` / `ClientFacingCriticalResult` schemas. Patients are
 * obviously fake. The ids default to records the fake Junction API knows, so "Fetch Full Data" finds
 * results for the sample order.
 *
 * Choose a delivery with the sender's event name plus `overrides` (every key optional):
 * - ids: `orderId`, `userId`, `clientUserId`, `teamId`, `sampleId`, `appointmentId`
 * - `modality`: testkit (default) | walk_in_test | at_home_phlebotomy | on_site_collection
 * - `status`: the order's low-level status (order events; default `ordered` for created, `completed` for
 *   updated). The events history walks the modality's lifecycle up to it, e.g. `{ status: 'transit_lab' }`.
 * - `statusFull`: the exact namespaced status of the last event, for spellings and unknown values
 *   (`received.testkit.testkit_registered`, `sample_with_lab.testkit.brand_new_status`).
 * - `statusSource`: where the status is: `last_event` (default, plus `events`), `events` (no `last_event`),
 *   `status` (only the deprecated high-level `status`).
 * - `envelope`: `documented` (default: event_type, data, user_id, client_user_id, team_id), `eventAndData`
 *   (the testkit docs page), `bare` (the order or appointment itself, no envelope).
 * - `interpretation`: the order's / critical result's interpretation (normal | abnormal | critical).
 * - `resultStatus`: critical results: final (default) | partial.
 * - `appointmentStatus`: appointment events' event_status (default pending for created, scheduled for updated).
 * - `appointmentType`: phlebotomy (default) | patient_service_center.
 * - `eventType`: send under another event_type (e.g. an event Junction adds later).
 * - `transaction`: `none` (default) | `withRedraw`: the order's order transaction holds the initial order
 *   and its redraw. With `origin: 'redraw'` the order is the redraw (`redrawOrderId`), else the initial
 *   order; `transactionStatus` active (default) | completed.
 * - `reviewStatus`, `resolutionAction`: match-review events (pending_customer_review; resolved + accept).
 * - `jobStatus`: lab report parsing jobs: started (created) | completed (updated) | failed.
 * - `payloadHost`: host of URLs inside the payload (requisition_form_url); the nodes must never call it.
 */
export function junctionSample(
	event: JunctionEventName,
	overrides: Overrides = {},
): Record<string, unknown> {
	const ids = idsOf(overrides);
	const builders: Record<JunctionEventName, () => Record<string, unknown>> = {
		'labtest.order.created': () => junctionOrder(overrides, 'ordered'),
		'labtest.order.updated': () => junctionOrder(overrides, 'completed'),
		'labtest.result.critical': () => junctionCriticalResult(overrides),
		'labtest.appointment.created': () => junctionAppointment(overrides, 'pending'),
		'labtest.appointment.updated': () => junctionAppointment(overrides, 'scheduled'),
		'labtest.match_review.created': () => junctionMatchReview(overrides),
		'labtest.match_review.updated': () => junctionMatchReview(overrides, 'resolved'),
		'lab_report.parsing_job.created': () => junctionParsingJob(overrides),
		'lab_report.parsing_job.updated': () => junctionParsingJob(overrides, 'completed'),
	};
	const data = builders[event]();
	const envelope = text(overrides, 'envelope', 'documented');
	if (envelope === 'bare') return data;
	const eventType = text(overrides, 'eventType', event);
	if (envelope === 'eventAndData') return { data, event_type: eventType };
	// Match-review envelopes carry no user (the current OpenAPI).
	if (event.startsWith('labtest.match_review.'))
		return { event_type: eventType, team_id: ids.teamId, data };
	return {
		event_type: eventType,
		data,
		user_id: ids.userId,
		client_user_id: ids.clientUserId,
		team_id: ids.teamId,
	};
}

export const junctionSampleSource: SampleSource = {
	events: Object.keys(junctionEventSchemas),
	build: (event, { overrides }) =>
		jsonDelivery(junctionSample(event as JunctionEventName, overrides)),
};
