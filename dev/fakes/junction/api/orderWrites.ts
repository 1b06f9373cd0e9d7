import { randomUUID } from 'node:crypto';

import type { FakeReply } from '../../fakeServer';
import { JUNCTION_SAMPLE_IDS } from '../samples';
import { lowLevelStatus } from './data';
import * as schemas from './schemas';
import { nowIso, refusal, today, type RouteContext } from './state';
import { checkBody, checkPathUuid } from './validate';

/**
 * The order writes: create (POST /v3/order, with idempotency keys), registrable test kits (create and
 * register), the schedule (PATCH /v3/order/{id}) and resend_events. Each body is checked against the
 * spec first (422); then the rules the docs give in words, answered with 400 or 404 as Junction's
 * other errors are (the codes for these are not documented).
 */
const HIGH_LEVEL: Record<string, string> = {
	ordered: 'received',
	requisition_created: 'received',
	awaiting_registration: 'received',
	registered: 'received',
};

const RESEND_MAX_WINDOW_MS = 60 * 24 * 60 * 60 * 1000;

function event(method: string, status: string, id: number): Record<string, unknown> {
	return {
		id,
		created_at: nowIso(),
		status: `${HIGH_LEVEL[status] ?? 'received'}.${method}.${status}`,
	};
}

/** Moves an order on to `status`, as a new event. */
export function advance(order: Record<string, unknown>, status: string): void {
	const events = order.events as Array<Record<string, unknown>>;
	const method = String((order.details as { type: string }).type);
	const next = event(method, status, 5000 + events.length);
	events.push(next);
	order.last_event = next;
	order.status = HIGH_LEVEL[status] ?? 'received';
	order.updated_at = next.created_at;
}

const sampleId = () => `SMP-${randomUUID().slice(0, 8).toUpperCase()}`;

/** A new `ClientFacingOrder`; `ordered` first, then its later statuses. */
function newOrder(
	fields: Record<string, unknown>,
	labTest: Record<string, unknown>,
	method: string,
	statuses: string[],
): Record<string, unknown> {
	const id = randomUUID();
	const created = nowIso();
	const order: Record<string, unknown> = {
		id,
		team_id: JUNCTION_SAMPLE_IDS.teamId,
		user_id: fields.user_id,
		patient_details: fields.patient_details ?? null,
		patient_address: fields.patient_address ?? null,
		lab_test: { lab: null, markers: null, ...labTest, method: labTest.method ?? method },
		details: { type: method, data: { id: randomUUID(), created_at: created, updated_at: created } },
		sample_id: statuses.includes('requisition_created') || method === 'testkit' ? sampleId() : null,
		notes: null,
		clinical_notes: fields.clinical_notes ?? null,
		passthrough: fields.passthrough ?? null,
		created_at: created,
		updated_at: created,
		events: [event(method, 'ordered', 5000)],
		status: 'received',
		physician: fields.physician ?? null,
		health_insurance_id: null,
		requisition_form_url: null,
		priority: fields.priority ?? false,
		shipping_details: fields.shipping_details ?? null,
		activate_by: fields.activate_by ?? null,
		billing_type: fields.billing_type ?? 'client_bill',
		icd_codes: fields.icd_codes ?? null,
		has_abn: false,
		interpretation: null,
		has_missing_results: null,
		origin: 'initial',
		order_transaction: null,
	};
	order.last_event = (order.events as unknown[])[0];
	for (const status of statuses.slice(1)) advance(order, status);
	order.order_transaction = {
		id: randomUUID(),
		status: 'active',
		orders: [{ id, origin: 'initial', parent_id: null, created_at: created, updated_at: created }],
	};
	return order;
}

const posted = (order: Record<string, unknown>, message: string): FakeReply => ({
	status: 200,
	json: { order, status: 'success', message },
});

export function registerOrderWrites({ server, data, writes, guard }: RouteContext): void {
	const findLabTest = (id: unknown) => data.labTests.find((test) => test.id === id);
	const userExists = (id: unknown) => data.users.some((user) => user.user_id === id);
	const keep = (order: Record<string, unknown>) => {
		data.orders.push(order);
		writes.createdOrders.push(order);
	};

	server.route(
		'POST',
		'/v3/order',
		guard(async (request) => {
			// Validation comes first: a 422 is never kept for the key.
			const checked = checkBody(request, schemas.createOrder);
			if ('reply' in checked) return checked.reply;
			return await writes.keys.run('order', request, () => {
				const body = checked.body;
				if (!userExists(body.user_id)) return refusal(404, 'User not found');
				const set = body.order_set as { lab_test_ids?: string[] | null } | null | undefined;
				const ids = set?.lab_test_ids?.length
					? set.lab_test_ids
					: body.lab_test_id
						? [body.lab_test_id]
						: [];
				if (!ids.length) return refusal(400, 'order_set.lab_test_ids or lab_test_id must be set');
				const tests = ids.map(findLabTest);
				if (tests.some((test) => !test)) return refusal(404, 'Lab test not found');
				const activateBy = body.activate_by as string | null | undefined;
				if (activateBy && activateBy < today())
					return refusal(400, 'activate_by must be today or in the future');
				const method = String(body.collection_method ?? tests[0]!.method ?? 'testkit');
				const scheduled = Boolean(activateBy && activateBy > today());
				const order = newOrder(
					body,
					tests[0]!,
					method,
					scheduled ? ['ordered'] : ['ordered', 'requisition_created'],
				);
				keep(order);
				return posted(order, 'Order created successfully');
			});
		}),
	);

	server.route(
		'POST',
		'/v3/order/testkit',
		guard((request) => {
			const checked = checkBody(request, schemas.createTestKit);
			if ('reply' in checked) return checked.reply;
			const body = checked.body;
			if (!userExists(body.user_id)) return refusal(404, 'User not found');
			const test = findLabTest(body.lab_test_id);
			if (!test) return refusal(404, 'Lab test not found');
			const order = newOrder(body, test, 'testkit', ['ordered', 'awaiting_registration']);
			keep(order);
			return posted(order, 'Order created successfully');
		}),
	);

	server.route(
		'POST',
		'/v3/order/testkit/register',
		guard((request) => {
			const checked = checkBody(request, schemas.registerTestKit);
			if ('reply' in checked) return checked.reply;
			const body = checked.body;
			const order = data.orders.find((candidate) => candidate.sample_id === body.sample_id);
			if (!order) return refusal(404, 'No test kit with this sample_id');
			if (lowLevelStatus(order) !== 'awaiting_registration')
				return refusal(400, 'This test kit is already registered');
			if (body.user_id !== undefined && body.user_id !== null) {
				if (!userExists(body.user_id)) return refusal(404, 'User not found');
				order.user_id = body.user_id;
			}
			order.patient_details = body.patient_details;
			order.patient_address = body.patient_address;
			if (body.physician) order.physician = body.physician;
			advance(order, 'registered');
			return posted(order, 'Test kit registered');
		}),
	);

	server.route(
		'PATCH',
		'/v3/order/:id',
		guard((request) => {
			const badId = checkPathUuid('order_id', request.params.id);
			if (badId) return badId;
			const checked = checkBody(request, schemas.updateOrder);
			if ('reply' in checked) return checked.reply;
			const order = data.orders.find((candidate) => candidate.id === request.params.id);
			if (!order) return refusal(404, 'Order not found');
			if (!['ordered', 'awaiting_registration'].includes(lowLevelStatus(order)))
				return refusal(400, `Order in status ${lowLevelStatus(order)} cannot be modified`);
			if (!order.activate_by)
				return refusal(400, 'Only orders created with activate_by can be rescheduled');
			const activateBy = checked.body.activate_by as string | null;
			if (activateBy && activateBy < today())
				return refusal(400, 'activate_by must be today or in the future');
			order.activate_by = activateBy;
			order.updated_at = nowIso();
			if (activateBy === null || activateBy <= today()) {
				advance(order, 'requisition_created');
				order.sample_id ??= sampleId();
			}
			return { status: 200, json: { order, status: 'success', message: 'order updated' } };
		}),
	);

	server.route(
		'POST',
		'/v3/order/resend_events',
		guard((request) => {
			const checked = checkBody(request, schemas.resendEvents);
			if ('reply' in checked) return checked.reply;
			const body = checked.body as {
				order_ids?: string[] | null;
				start_at?: string | null;
				end_at?: string | null;
			};
			if (!body.order_ids?.length && !body.start_at)
				return refusal(400, 'Either order_ids or start_at must be provided');
			let ids: string[];
			if (body.order_ids?.length) {
				ids = body.order_ids.filter((id) => data.orders.some((order) => order.id === id));
			} else {
				const start = Date.parse(body.start_at!);
				const end = body.end_at ? Date.parse(body.end_at) : Date.now();
				if (end - start > RESEND_MAX_WINDOW_MS)
					return refusal(400, 'The time window must not exceed 60 days');
				ids = data.orders
					.filter((order) => {
						const at = Date.parse(
							String(
								(order.last_event as { created_at?: string } | undefined)?.created_at ??
									order.updated_at,
							),
						);
						return at >= start && at <= end;
					})
					.map((order) => String(order.id));
			}
			writes.resent.push(ids);
			return { status: 200, json: { order_ids: ids } };
		}),
	);
}
