import type { JunctionEventName } from '../../../../nodes/Junction/events';
import type { Overrides } from './common';
import { JUNCTION_LIFECYCLES } from './orders';

/** Named deliveries covering every example in the reference: lifecycles, failures, appointments, critical results, envelopes. */
export const JUNCTION_FIXTURES: Array<{
	name: string;
	event: JunctionEventName;
	overrides: Overrides;
}> = [
	{ name: 'testkit ordered', event: 'labtest.order.created', overrides: {} },
	...JUNCTION_LIFECYCLES.testkit.slice(1).map((status) => ({
		name: `testkit ${status}`,
		event: 'labtest.order.updated' as const,
		overrides: { status },
	})),
	{
		name: 'walk-in partial results',
		event: 'labtest.order.updated',
		overrides: { modality: 'walk_in_test', status: 'partial_results' },
	},
	{
		name: 'phlebotomy draw completed',
		event: 'labtest.order.updated',
		overrides: { modality: 'at_home_phlebotomy', status: 'draw_completed' },
	},
	{
		name: 'on-site completed',
		event: 'labtest.order.updated',
		overrides: { modality: 'on_site_collection', status: 'completed' },
	},
	{
		name: 'testkit sample error',
		event: 'labtest.order.updated',
		overrides: { status: 'sample_error' },
	},
	{ name: 'testkit cancelled', event: 'labtest.order.updated', overrides: { status: 'cancelled' } },
	{ name: 'corrected report', event: 'labtest.order.updated', overrides: { status: 'corrected' } },
	{
		name: 'registered, docs spelling',
		event: 'labtest.order.updated',
		overrides: { status: 'registered', statusFull: 'received.testkit.testkit_registered' },
	},
	{ name: 'appointment created', event: 'labtest.appointment.created', overrides: {} },
	{ name: 'appointment scheduled', event: 'labtest.appointment.updated', overrides: {} },
	{
		name: 'walk-in appointment cancelled',
		event: 'labtest.appointment.updated',
		overrides: { appointmentType: 'patient_service_center', appointmentStatus: 'cancelled' },
	},
	{ name: 'critical result', event: 'labtest.result.critical', overrides: {} },
	{
		name: 'partial critical result',
		event: 'labtest.result.critical',
		overrides: { resultStatus: 'partial' },
	},
	{
		name: 'envelope without ids',
		event: 'labtest.order.updated',
		overrides: { envelope: 'eventAndData', status: 'requisition_created' },
	},
	{
		name: 'status only in events',
		event: 'labtest.order.updated',
		overrides: { statusSource: 'events', status: 'transit_customer' },
	},
];

/**
 * The redraw story of `lab/workflow/redraws.mdx`: the initial order reaches `redraw_available`, Junction
 * creates the redraw order in the same order transaction, the redraw order completes it.
 */
export const JUNCTION_REDRAW_FIXTURES: Array<{
	name: string;
	event: JunctionEventName;
	overrides: Overrides;
}> = [
	{
		name: 'initial order: redraw available',
		event: 'labtest.order.updated',
		overrides: { modality: 'walk_in_test', status: 'redraw_available', transaction: 'withRedraw' },
	},
	{
		name: 'redraw order created',
		event: 'labtest.order.created',
		overrides: { modality: 'walk_in_test', origin: 'redraw', transaction: 'withRedraw' },
	},
	{
		name: 'redraw order completed',
		event: 'labtest.order.updated',
		overrides: {
			modality: 'walk_in_test',
			origin: 'redraw',
			transaction: 'withRedraw',
			transactionStatus: 'completed',
		},
	},
];

/** Unmatched-result reviews and lab report parsing jobs: events about no order. */
export const JUNCTION_REVIEW_AND_REPORT_FIXTURES: Array<{
	name: string;
	event: JunctionEventName;
	overrides: Overrides;
}> = [
	{
		name: 'unmatched result awaiting review',
		event: 'labtest.match_review.created',
		overrides: {},
	},
	{ name: 'unmatched result resolved', event: 'labtest.match_review.updated', overrides: {} },
	{ name: 'lab report parsing started', event: 'lab_report.parsing_job.created', overrides: {} },
	{ name: 'lab report parsed', event: 'lab_report.parsing_job.updated', overrides: {} },
	{
		name: 'lab report parsing failed',
		event: 'lab_report.parsing_job.updated',
		overrides: { jobStatus: 'failed' },
	},
];
