import {
	JUNCTION_EXISTING_CLIENT_USER_ID,
	JUNCTION_EXISTING_USER_ID,
} from '../../../dev/fakes/junction/api';
import { JUNCTION_SAMPLE_IDS } from '../../../dev/fakes/junction/samples';
import { junctionActionRig } from './actionRig';

const { node, run } = junctionActionRig();

describe('Junction node description', () => {
	it('is usable as a tool and offers every operation it documents', () => {
		expect(node.description.usableAsTool).toBe(true);
		const operations = node.description.properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.options as Array<{ value: string }>).map(
					(option) => `${String(property.displayOptions?.show?.resource)}:${option.value}`,
				),
			);
		expect(operations.sort()).toEqual(
			[
				'appointment:book',
				'appointment:cancel',
				'appointment:get',
				'appointment:getAvailability',
				'appointment:reschedule',
				'labTest:get',
				'labTest:getMany',
				'labTest:getMarkers',
				'orderTransaction:get',
				'order:cancel',
				'order:create',
				'order:createTestKit',
				'order:get',
				'order:getMany',
				'order:getRequisitionPdf',
				'order:registerTestKit',
				'order:resendEvents',
				'order:simulate',
				'order:updateSchedule',
				'result:get',
				'result:getPdf',
				'result:getTransactionPdf',
				'result:getTransactionResults',
				'user:create',
				'user:delete',
				'user:get',
				'user:getByClientUserId',
				'user:getMany',
				'user:updateDemographics',
			].sort(),
		);
	});
});

describe('Continue On Fail', () => {
	it('keeps going, one item per input, errors paired with their input', async () => {
		const { items } = await run(
			[
				{ resource: 'order', operation: 'get', orderId: JUNCTION_SAMPLE_IDS.orderId },
				{ resource: 'order', operation: 'cancel', orderId: JUNCTION_SAMPLE_IDS.orderId },
				{
					resource: 'user',
					operation: 'create',
					clientUserId: JUNCTION_EXISTING_CLIENT_USER_ID,
					additionalFields: {},
				},
				{
					resource: 'result',
					operation: 'get',
					orderId: JUNCTION_SAMPLE_IDS.orderId,
					output: 'summary',
				},
			],
			{ continueOnFail: true },
		);
		expect(items).toHaveLength(4);
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1, 2, 3]);
		expect(items[0].json.id).toBe(JUNCTION_SAMPLE_IDS.orderId);
		expect(String(items[1].json.error)).toContain('cannot cancel this order');
		expect(String(items[2].json.error)).toContain(JUNCTION_EXISTING_USER_ID);
		expect(items[3].json.ready).toBe(true);
	});
});
