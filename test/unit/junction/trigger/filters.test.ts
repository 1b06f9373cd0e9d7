import type { IDataObject } from 'n8n-workflow';

import { junctionSample } from '../../../../dev/fakes/junction/samples';
import { onlyItem, triggerRig } from '../../../support/triggerHarness';
import { SIGNING_SECRET, signedRequest } from '../signing';

const { harness: junction } = triggerRig('junction', { secret: SIGNING_SECRET });

describe('Junction Trigger: filters', () => {
	const completed = { overrides: { status: 'completed' } };

	it('starts nothing for an event type that is not selected', async () => {
		const run = await junction.send(junction.sample('labtest.order.updated', completed), {
			parameters: { events: ['labtest.result.critical'] },
		});
		expect(run.response).toMatchObject({ status: 200, body: { status: 'ignored' } });
		expect(run.result.workflowData).toBeUndefined();
	});

	it('keeps only the selected low-level statuses', async () => {
		const parameters = { statuses: ['completed', 'partial_results', 'sample_error'] };
		for (const status of ['completed', 'sample_error']) {
			expect(
				onlyItem(
					await junction.send(junction.sample('labtest.order.updated', { overrides: { status } }), {
						parameters,
					}),
				).status,
			).toBe(status);
		}
		const partial = await junction.send(
			junction.sample('labtest.order.updated', {
				overrides: { status: 'partial_results', modality: 'walk_in_test' },
			}),
			{ parameters },
		);
		expect(onlyItem(partial).status).toBe('partial_results');
		const transit = await junction.send(
			junction.sample('labtest.order.updated', { overrides: { status: 'transit_lab' } }),
			{ parameters },
		);
		expect(transit.response).toMatchObject({
			status: 200,
			body: { status: 'ignored', message: 'Event does not match the trigger filters' },
		});
		expect(transit.result.workflowData).toBeUndefined();
	});

	it('lets an unknown status through when no status filter is set, and not when one is', async () => {
		const overrides = { statusFull: 'sample_with_lab.testkit.brand_new_status' };
		expect((await junction.sampleItem('labtest.order.updated', { overrides })).status).toBe(
			'brand_new_status',
		);
		const filtered = await junction.send(junction.sample('labtest.order.updated', { overrides }), {
			parameters: { statuses: ['completed'] },
		});
		expect(filtered.result.workflowData).toBeUndefined();
	});

	it('matches the registered filter with either spelling', async () => {
		const run = await junction.send(
			junction.sample('labtest.order.updated', {
				overrides: { status: 'registered', statusFull: 'received.testkit.testkit_registered' },
			}),
			{ parameters: { statuses: ['registered'] } },
		);
		expect(onlyItem(run).status).toBe('registered');
	});

	it('does not filter appointment and critical-result events by order status', async () => {
		const parameters = { statuses: ['completed'] };
		expect(
			onlyItem(await junction.send(junction.sample('labtest.appointment.updated'), { parameters }))
				.event,
		).toBe('labtest.appointment.updated');
		expect(
			onlyItem(await junction.send(junction.sample('labtest.result.critical'), { parameters }))
				.event,
		).toBe('labtest.result.critical');
	});

	it('filters order and appointment events by modality', async () => {
		const parameters = { modalities: ['walk_in_test', 'at_home_phlebotomy'] };
		const testkit = await junction.send(junction.sample('labtest.order.updated', completed), {
			parameters,
		});
		expect(testkit.result.workflowData).toBeUndefined();
		const walkIn = await junction.send(
			junction.sample('labtest.order.updated', { overrides: { modality: 'walk_in_test' } }),
			{ parameters },
		);
		expect(onlyItem(walkIn).modality).toBe('walk_in_test');
		expect(
			onlyItem(await junction.send(junction.sample('labtest.appointment.created'), { parameters }))
				.modality,
		).toBe('at_home_phlebotomy');
		const onSiteOnly = await junction.send(junction.sample('labtest.appointment.created'), {
			parameters: { modalities: ['on_site_collection'] },
		});
		expect(onSiteOnly.result.workflowData).toBeUndefined();
		expect(
			onlyItem(await junction.send(junction.sample('labtest.result.critical'), { parameters }))
				.event,
		).toBe('labtest.result.critical');
	});

	it('combines the event, status and modality filters', async () => {
		const parameters = {
			events: ['labtest.order.updated'],
			statuses: ['completed'],
			modalities: ['testkit'],
		};
		expect(
			onlyItem(
				await junction.send(junction.sample('labtest.order.updated', completed), { parameters }),
			).status,
		).toBe('completed');
		expect(
			(await junction.send(junction.sample('labtest.order.created'), { parameters })).result
				.workflowData,
		).toBeUndefined();
	});

	it('never drops an event that failed validation because of a filter: it has no typed fields to filter on', async () => {
		const payload = junctionSample('labtest.order.updated', {
			status: 'transit_lab',
		}) as IDataObject;
		(payload.data as IDataObject).id = 42;
		const run = await junction.send(signedRequest(payload), {
			parameters: { statuses: ['completed'] },
		});
		expect(onlyItem(run).validation).toMatchObject({ valid: false });
	});
});
