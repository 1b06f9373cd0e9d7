import type { IDataObject } from 'n8n-workflow';

import { HurdleTrigger } from '../../../../nodes/Hurdle/HurdleTrigger.node';
import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import {
	HURDLE_SAMPLE_IDS,
	hurdleDelivery,
	hurdleSample,
} from '../../../../dev/fakes/hurdle/samples';
import { hurdleTriggerRig } from '../triggerRig';

const { hurdle } = hurdleTriggerRig();

describe('deduplication', () => {
	it('runs once for the same delivery sent twice', async () => {
		const staticData: IDataObject = {};
		const first = await hurdle.send(hurdle.sample('order.dispatched'), { staticData });
		const second = await hurdle.send(hurdle.sample('order.dispatched'), { staticData });
		expect(first.items).toHaveLength(1);
		expect(second.response).toEqual({
			status: 200,
			body: expect.objectContaining({ status: 'duplicate' }),
		});
		expect(second.result.workflowData).toBeUndefined();
	});

	it('remembers across restarts through static data', async () => {
		const staticData: IDataObject = {};
		await hurdle.send(hurdle.sample('test.processed'), { staticData });
		forgetProcessMemory();
		expect(
			(await hurdle.send(hurdle.sample('test.processed'), { staticData })).response.body?.status,
		).toBe('duplicate');
		expect(JSON.stringify(staticData)).not.toContain(HURDLE_SAMPLE_IDS.testId);
	});

	it('treats a redelivery by GET of a POST event, in the other casing, as the same delivery', async () => {
		const staticData: IDataObject = {};
		await hurdle.send(hurdle.sample('order.received'), { staticData });
		const again = await hurdle.send(
			hurdle.sample('order.received', { method: 'GET', casing: 'lower' }),
			{ staticData },
		);
		expect(again.response.body?.status).toBe('duplicate');
	});

	it('does not drop a different event about the same order', async () => {
		const staticData: IDataObject = {};
		await hurdle.send(hurdle.sample('order.dispatched'), { staticData });
		expect(
			(await hurdle.send(hurdle.sample('order.out_for_delivery'), { staticData })).items,
		).toHaveLength(1);
	});

	it('does not drop the same event at a later time', async () => {
		const staticData: IDataObject = {};
		await hurdle.send(hurdle.sample('order.dispatched'), { staticData });
		const later = hurdle.sign(
			hurdleDelivery(
				hurdleSample('order.dispatched', {
					overrides: { dispatchedAt: '2022-03-09T08:00:00.000Z' },
				}),
			),
		);
		expect((await hurdle.send(later, { staticData })).items).toHaveLength(1);
	});

	it('hashes the whole body when an event carries no ids', async () => {
		const staticData: IDataObject = {};
		const seed = {
			eventType: 'ORDER.CREATED',
			version: 'v1',
			userId: 'a86dr8yl',
			productCode: 'AS92731331',
		};
		await hurdle.send(hurdle.sign(hurdleDelivery(seed)), { staticData });
		expect(
			(await hurdle.send(hurdle.sign(hurdleDelivery(seed)), { staticData })).response.body?.status,
		).toBe('duplicate');
		expect(
			(await hurdle.send(hurdle.sign(hurdleDelivery({ ...seed, userId: 'b12' })), { staticData }))
				.items,
		).toHaveLength(1);
	});

	it('runs every time when deduplication is off', async () => {
		const staticData: IDataObject = {};
		await hurdle.send(hurdle.sample('order.dispatched'), {
			parameters: { options: { deduplicate: false } },
			staticData,
		});
		expect(
			(
				await hurdle.send(hurdle.sample('order.dispatched'), {
					parameters: { options: { deduplicate: false } },
					staticData,
				})
			).items,
		).toHaveLength(1);
	});

	describe('the duplicate window, on a controlled clock', () => {
		const start = Date.parse('2026-03-02T09:00:00.000Z');
		let clock: jest.SpyInstance<number, []>;
		/** Sets the clock `minutes` after the first delivery. */
		const after = (minutes: number) => clock.mockReturnValue(start + minutes * 60_000);
		beforeEach(() => {
			clock = jest.spyOn(Date, 'now').mockReturnValue(start);
		});
		afterEach(() => clock.mockRestore());

		/** The answers to one delivery and to its redeliveries at the given minutes, on one workflow. */
		async function redelivered(
			minutes: number[],
			{ restartBetween = false, options = {} as IDataObject } = {},
		): Promise<string[]> {
			// A workflow of its own: nothing from the calls before.
			forgetProcessMemory();
			const staticData: IDataObject = {};
			const answers: string[] = [];
			for (const minute of [0, ...minutes]) {
				after(minute);
				// A restarted n8n: only what static data holds remembers the delivery.
				if (restartBetween) forgetProcessMemory();
				const call = await hurdle.send(hurdle.sample('order.dispatched'), {
					parameters: { options },
					staticData,
				});
				answers.push(`${String(call.response.body?.status)}×${call.items.length}`);
			}
			return answers;
		}

		it('remembers a delivery for two hours by default, covering both documented retry schedules', async () => {
			expect(await redelivered([119])).toEqual(['accepted×1', 'duplicate×0']);
			expect(await redelivered([121])).toEqual(['accepted×1', 'accepted×1']);
		});

		it('remembers it as long through static data, across a restart', async () => {
			expect(await redelivered([119], { restartBetween: true })).toEqual([
				'accepted×1',
				'duplicate×0',
			]);
			expect(await redelivered([121], { restartBetween: true })).toEqual([
				'accepted×1',
				'accepted×1',
			]);
		});

		it('follows Duplicate Window (Hours) when set, and shows two hours as its default', async () => {
			const options = { duplicateWindowHours: 0.5 };
			expect(await redelivered([29], { options })).toEqual(['accepted×1', 'duplicate×0']);
			expect(await redelivered([31], { options })).toEqual(['accepted×1', 'accepted×1']);
			const shown = new HurdleTrigger().description.properties.find(
				(property) => property.name === 'options',
			);
			expect(shown?.options).toContainEqual(
				expect.objectContaining({ name: 'duplicateWindowHours', default: 2 }),
			);
		});
	});
});
