import { TRIGGER_NODE } from '../../../dev/n8n/workflows';
import { ignored } from '../expectations';
import { junctionTriggers } from '../fixtures/junction';
import { executionsOf, send } from './deliveries';

describe('Junction trigger in n8n', () => {
	it('answers 200 without an execution for an event type that is not selected', async () => {
		const target = junctionTriggers.onlyCritical;
		expect(await send(target, 'labtest.order.updated')).toMatchObject(ignored);
		expect(await send(target, 'labtest.result.critical')).toMatchObject({
			status: 200,
			body: { status: 'accepted' },
		});
		const [execution] = await executionsOf(target, 1);
		expect(execution.json(TRIGGER_NODE)[0].event).toBe('labtest.result.critical');
	});

	it('filters order events by low-level status, and lets appointment events through', async () => {
		const target = junctionTriggers.onlyCompletedOrSampleError;
		expect(
			await send(target, 'labtest.order.updated', { overrides: { status: 'transit_lab' } }),
		).toMatchObject({ status: 200, body: { status: 'ignored' } });
		for (const status of ['completed', 'sample_error']) {
			expect(await send(target, 'labtest.order.updated', { overrides: { status } })).toMatchObject({
				body: { status: 'accepted' },
			});
		}
		expect(await send(target, 'labtest.appointment.updated')).toMatchObject({
			body: { status: 'accepted' },
		});
		const executions = await executionsOf(target, 3);
		const seen = executions.map((execution) => execution.json(TRIGGER_NODE)[0]);
		expect(seen.map((item) => item.status ?? item.event).sort()).toEqual([
			'completed',
			'labtest.appointment.updated',
			'sample_error',
		]);
	});

	it('filters by modality', async () => {
		const target = junctionTriggers.onlyWalkIn;
		expect(await send(target, 'labtest.order.updated')).toMatchObject(ignored);
		expect(
			await send(target, 'labtest.order.updated', {
				overrides: { modality: 'walk_in_test', status: 'partial_results' },
			}),
		).toMatchObject({
			body: { status: 'accepted' },
		});
		const [execution] = await executionsOf(target, 1);
		expect(execution.json(TRIGGER_NODE)[0]).toMatchObject({
			modality: 'walk_in_test',
			status: 'partial_results',
		});
	});
});
