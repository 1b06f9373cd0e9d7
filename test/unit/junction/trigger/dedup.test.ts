import type { IDataObject } from 'n8n-workflow';

import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import { JUNCTION_SAMPLE_IDS, junctionSample } from '../../../../dev/fakes/junction/samples';
import { triggerRig } from '../../../support/triggerHarness';
import { SIGNING_SECRET, signedRequest } from '../signing';

const { harness: junction } = triggerRig('junction', { secret: SIGNING_SECRET });
const ids = JUNCTION_SAMPLE_IDS;

describe('Junction Trigger: duplicates', () => {
	it('runs once per svix-id: a redelivery with the same id is a duplicate', async () => {
		const staticData: IDataObject = {};
		const first = await junction.send(
			junction.sample('labtest.order.updated', { messageId: 'msg_retry_1' }),
			{ staticData },
		);
		expect(first.items).toHaveLength(1);
		const retry = await junction.send(
			junction.sample('labtest.order.updated', { messageId: 'msg_retry_1' }),
			{ staticData },
		);
		expect(retry.response).toMatchObject({ status: 200, body: { status: 'duplicate' } });
		expect(retry.result.workflowData).toBeUndefined();
	});

	it('remembers across restarts through static data, holding only hashes', async () => {
		const staticData: IDataObject = {};
		await junction.send(junction.sample('labtest.order.updated', { messageId: 'msg_restart_1' }), {
			staticData,
		});
		forgetProcessMemory();
		const retry = await junction.send(
			junction.sample('labtest.order.updated', { messageId: 'msg_restart_1' }),
			{ staticData },
		);
		expect(retry.response.body).toMatchObject({ status: 'duplicate' });
		const stored = JSON.stringify(staticData);
		expect(stored).not.toContain('msg_restart_1');
		expect(stored).not.toContain(ids.orderId);
	});

	it('treats the same body under a new svix-id as a new message', async () => {
		const staticData: IDataObject = {};
		const payload = junctionSample('labtest.order.updated');
		expect(
			(await junction.send(signedRequest(payload, 'msg_same_body_a'), { staticData })).items,
		).toHaveLength(1);
		expect(
			(await junction.send(signedRequest(payload, 'msg_same_body_b'), { staticData })).items,
		).toHaveLength(1);
	});

	it('lets duplicates through when Deduplicate is off', async () => {
		const run = { parameters: { options: { deduplicate: false } }, staticData: {} };
		await junction.send(
			junction.sample('labtest.order.updated', { messageId: 'msg_no_dedup' }),
			run,
		);
		expect(
			(
				await junction.send(
					junction.sample('labtest.order.updated', { messageId: 'msg_no_dedup' }),
					run,
				)
			).items,
		).toHaveLength(1);
	});
});
