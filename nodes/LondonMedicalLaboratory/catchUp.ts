import type { IDataObject } from 'n8n-workflow';

import { callApi, type ApiContext } from '../shared/transport/api';
import { changeId } from '../shared/catchUp/keys';
import {
	snapshotBaseline,
	snapshotRound,
	type SnapshotList,
} from '../shared/catchUp/snapshotRound';
import type { CatchUpSource, Change } from '../shared/catchUp/source';
import { lmlEventOptions, lmlEventSchemas, type LmlEventName } from './events';
import { lmlEventSource } from './eventSource';
import type { LmlFields } from './fields';
import { LML_MAX_PAGE_SIZE } from './transport';
import { lml } from './provider';

/**
 * LML's lists say nothing about what changed since: a round reads GET /api/test_registration/ and
 * GET /api/order/ page by page (100 a page) and compares each record with a bounded snapshot of what
 * it has seen. A record's milestones, each a webhook event LML sends:
 *
 * | Letter | Event | Seen in the list as |
 * |---|---|---|
 * | T | test_registration.retest | `parent_id` set: this registration is a retest of its parent |
 * | R | test_registration.complete | `patient_registered_at` set, or a status past `awaiting_patient` |
 * | L | test_registration.lml_lab_id_created | `lab_id` set |
 * | D | lab_results.complete | `results_ready` true |
 * | S | order.shipped | `shipping_status` shipped or later |
 * | V | order.delivered | `shipping_status` delivered (LML does not send this webhook for every order) |
 *
 * `test_registration.sample_received` shows in no documented list field, so it cannot be caught up.
 */
const EVENTS: Record<string, LmlEventName> = {
	T: 'test_registration.retest',
	R: 'test_registration.complete',
	L: 'test_registration.lml_lab_id_created',
	D: 'lab_results.complete',
	S: 'order.shipped',
	V: 'order.delivered',
};

const SHIPPED = new Set([
	'shipped',
	'out_for_delivery',
	'delivered',
	'delivery_failed',
	'returned',
]);

interface LmlPage {
	items?: IDataObject[];
	next_page?: number | null;
}

function listOf(
	path: string,
	observe: SnapshotList['observe'],
	data: (letter: string, record: IDataObject) => IDataObject,
	recordKey: (record: IDataObject) => string,
): SnapshotList {
	return {
		async page(context: ApiContext, cursor) {
			const { body } = await callApi<LmlPage>(context, lml, {
				method: 'GET',
				path,
				qs: { page: cursor ?? 1, results_per_page: LML_MAX_PAGE_SIZE },
			});
			const next = body?.next_page;
			return { records: body?.items ?? [], next: typeof next === 'number' ? next : undefined };
		},
		observe,
		changes(record, reached) {
			return [...reached].map((letter): Change => {
				const event = EVENTS[letter];
				const payload = { event, data: data(letter, record) };
				return {
					record: recordKey(record),
					event,
					id: changeId(lml.key, [event, String(record.id)]),
					payload,
				};
			});
		},
	};
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

const registrations = listOf(
	'/api/test_registration/',
	(record) => {
		const id = text(record.id);
		if (!id) return undefined;
		const status = text(record.status);
		let milestones = '';
		if (text(record.parent_id)) milestones += 'T';
		if (text(record.patient_registered_at) || (status && status !== 'awaiting_patient'))
			milestones += 'R';
		if (text(record.lab_id)) milestones += 'L';
		if (record.results_ready === true) milestones += 'D';
		return { key: `r:${id}`, createdAt: Date.parse(String(record.created_at)), milestones };
	},
	(letter, record) => {
		if (letter === 'T')
			return { testregistration_id: record.parent_id, retest_testregistration_id: record.id };
		if (letter === 'L') return { testregistration_id: record.id, lab_id: record.lab_id };
		return { testregistration_id: record.id };
	},
	(record) => `r:${String(record.id)}`,
);

const orders = listOf(
	'/api/order/',
	(record) => {
		const id = text(record.id);
		if (!id) return undefined;
		const shipping = text(record.shipping_status) ?? '';
		let milestones = '';
		if (SHIPPED.has(shipping)) milestones += 'S';
		if (shipping === 'delivered') milestones += 'V';
		return { key: `o:${id}`, createdAt: Date.parse(String(record.created_at)), milestones };
	},
	(_letter, record) => ({ order_id: record.id }),
	(record) => `o:${String(record.id)}`,
);

const LISTS = [registrations, orders];

export const lmlCatchUp: CatchUpSource<typeof lmlEventSchemas, LmlFields> = {
	eventSource: lmlEventSource,
	events: Object.fromEntries(Object.values(EVENTS).map((event) => [event, lmlEventOptions[event]])),
	reads: 'of an LML test registration or order (GET /api/test_registration/ and /api/order/)',

	async baseline(context, request, startFrom) {
		return await snapshotRound(context, snapshotBaseline(request, startFrom), LISTS, {
			from: startFrom,
		});
	},

	async round(context, request) {
		return await snapshotRound(context, request, LISTS);
	},

	async latest(context) {
		const page = await registrations.page(context, undefined);
		const newest = [...page.records]
			.map((record) => ({ record, observed: registrations.observe(record) }))
			.filter(({ observed }) => observed?.milestones)
			.sort((a, b) => (b.observed!.createdAt || 0) - (a.observed!.createdAt || 0))[0];
		if (!newest) return undefined;
		return registrations.changes(newest.record, newest.observed!.milestones).pop();
	},
};
