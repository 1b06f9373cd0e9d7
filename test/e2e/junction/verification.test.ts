import {
	JUNCTION_E2E_NEXT_SECRET,
	JUNCTION_E2E_UNKNOWN_SECRET,
	junctionTriggers,
} from '../fixtures/junction';
import { deliverTo, executionsOf, now, sampleBody, send, signedDelivery } from './deliveries';

describe('Junction trigger in n8n', () => {
	describe('refuses unverifiable deliveries with 401 and no execution', () => {
		it.each([
			['stale', junctionTriggers.stale, { timestamp: now() - 3600 }, 'in the past'],
			['future', junctionTriggers.future, { timestamp: now() + 3600 }, 'in the future'],
			[
				'wrong secret',
				junctionTriggers.wrongSecret,
				{ secret: JUNCTION_E2E_UNKNOWN_SECRET },
				'No v1 signature matches',
			],
		])('%s', async (_name, target, options, reason) => {
			const answer = await send(target, 'labtest.order.updated', options);
			expect(answer.status).toBe(401);
			expect(String((answer.body as { message: string }).message)).toContain(reason);
			await executionsOf(target, 0);
		});

		it('tampered body', async () => {
			const delivery = signedDelivery(sampleBody('labtest.order.updated'));
			const answer = await deliverTo(junctionTriggers.tampered, {
				...delivery,
				body: delivery.body.replace('completed', 'cancelled'),
			});
			expect(answer.status).toBe(401);
			await executionsOf(junctionTriggers.tampered, 0);
		});

		it('missing signature headers', async () => {
			const answer = await deliverTo(junctionTriggers.missingSignature, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				query: {},
				body: sampleBody('labtest.order.updated'),
			});
			expect(answer).toMatchObject({ status: 401, body: { status: 'rejected' } });
			expect(String((answer.body as { message: string }).message)).toContain('svix-signature');
			await executionsOf(junctionTriggers.missingSignature, 0);
		});
	});

	it('accepts either secret during a rotation, also with two signatures in one header', async () => {
		const target = junctionTriggers.rotation;
		expect(
			(await send(target, 'labtest.order.updated', { secret: JUNCTION_E2E_NEXT_SECRET })).status,
		).toBe(200);
		const body = sampleBody('labtest.order.updated', { status: 'sample_error' });
		const unknown = signedDelivery(body, {
			secret: JUNCTION_E2E_UNKNOWN_SECRET,
			id: 'msg_e2e_rotation',
		});
		const current = signedDelivery(body, {
			id: 'msg_e2e_rotation',
			sentAt: Number(unknown.headers['svix-timestamp']),
		});
		const both = {
			...current,
			headers: {
				...current.headers,
				'svix-signature': `${unknown.headers['svix-signature']} ${current.headers['svix-signature']}`,
			},
		};
		expect((await deliverTo(target, both)).status).toBe(200);
		await executionsOf(target, 2);
	});
});
