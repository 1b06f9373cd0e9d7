import { sleep } from 'n8n-workflow';

import { JUNCTION_FAKE_KEY } from '../../../dev/fakes/junction/api';
import {
	JUNCTION_SAMPLE_ADDRESS,
	JUNCTION_SAMPLE_PATIENT,
} from '../../../dev/fakes/junction/samples';
import { ids, useJunctionFake } from './writeSupport';

/**
 * The fake Junction API itself: it checks write requests against the spec as FastAPI does, and keeps
 * idempotency keys as Junction's docs describe. The node tests rely on both.
 */
const holder = useJunctionFake();

async function post(path: string, body: unknown, key?: string) {
	const response = await fetch(`${holder.fake.url}${path}`, {
		method: 'POST',
		headers: {
			'x-vital-api-key': JUNCTION_FAKE_KEY,
			'content-type': 'application/json',
			...(key ? { 'x-idempotency-key': key } : {}),
		},
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const order = (userId: string = ids.userId) => ({
	user_id: userId,
	order_set: { lab_test_ids: [ids.labTestId] },
	patient_details: JUNCTION_SAMPLE_PATIENT,
	patient_address: JUNCTION_SAMPLE_ADDRESS,
});

describe('the fake Junction API', () => {
	it('answers 422 listing every problem: missing fields, enums, types, formats, patterns', async () => {
		const { status, body } = await post('/v3/order', {
			user_id: 'not-a-uuid',
			priority: 'yes',
			collection_method: 'drive_through',
			patient_details: { ...JUNCTION_SAMPLE_PATIENT, gender: 'F', email: 'nobody' },
			patient_address: { ...JUNCTION_SAMPLE_ADDRESS, zip: 'SW1A 1AA', city: undefined },
		});
		expect(status).toBe(422);
		const problems = (body.detail as Array<{ type: string; loc: string[] }>).map(
			(issue) => `${issue.loc.join('.')} ${issue.type}`,
		);
		expect(problems.sort()).toEqual(
			[
				'body.user_id uuid_parsing',
				'body.collection_method enum',
				'body.priority bool_type',
				'body.patient_details.gender enum',
				'body.patient_details.email value_error',
				'body.patient_address.city missing',
				'body.patient_address.zip string_pattern_mismatch',
			].sort(),
		);
		expect((await post('/v3/order', '{"user_id":')).body.detail).toMatchObject([
			{ type: 'json_invalid' },
		]);
	});

	it('keeps the first answer of a key, an error too, but not a 422', async () => {
		const stranger = 'f4000000-0000-4000-8000-000000000001';
		const invalid = await post('/v3/order', { ...order(), user_id: 'x' }, 'key-a');
		expect(invalid.status).toBe(422);
		const first = await post('/v3/order', order(stranger), 'key-a');
		expect(first).toMatchObject({ status: 404, body: { detail: 'User not found' } });
		holder.fake.data.users.push({ user_id: stranger, client_user_id: 'stranger' });
		expect(await post('/v3/order', order(stranger), 'key-a')).toEqual(first);
		const placed = await post('/v3/order', order(stranger), 'key-b');
		expect(placed.status).toBe(200);
		expect(await post('/v3/order', order(), 'key-b')).toEqual(placed);
		holder.fake.writes.keys.expire();
		const afterPruning = await post('/v3/order', order(stranger), 'key-b');
		expect((afterPruning.body.order as { id: string }).id).not.toBe(
			(placed.body.order as { id: string }).id,
		);
	});

	it('answers 409, keeping nothing, while the first request with a key is running', async () => {
		holder.fake.writes.keys.processingMs = 300;
		const [first, second] = await Promise.all([
			post('/v3/order', order(), 'key-c'),
			sleep(50).then(async () => await post('/v3/order', order(), 'key-c')),
		]);
		expect(first.status).toBe(200);
		expect(second.status).toBe(409);
		expect(await post('/v3/order', order(), 'key-c')).toEqual(first);
	});
});
