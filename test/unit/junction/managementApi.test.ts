import type { IDataObject } from 'n8n-workflow';

import {
	JUNCTION_MANAGEMENT_FAKE_KEY,
	JUNCTION_MANAGEMENT_FOREIGN_TEAM_ID,
	JUNCTION_MANAGEMENT_NO_PLAN_KEY,
} from '../../../dev/fakes/junction/managementApi';
import { FakeServer } from '../../../dev/fakes/fakeServer';
import { activate, management, stored, type Setup } from './endpointRig';

describe('Junction Trigger, automatic webhook setup: refusals fail activation clearly', () => {
	const refusedWith = async (setup: Setup) => {
		const staticData: IDataObject = {};
		const error = await activate({ ...setup, staticData }).then(
			() => undefined,
			(thrown: Error & { description?: string }) => thrown,
		);
		expect(error).toBeDefined();
		expect(stored(staticData)).toBeUndefined();
		const text = `${error!.message} ${error!.description ?? ''}`;
		for (const secret of [JUNCTION_MANAGEMENT_FAKE_KEY, JUNCTION_MANAGEMENT_NO_PLAN_KEY, 'mg_']) {
			expect(text).not.toContain(secret);
		}
		return { message: error!.message, text };
	};

	it('401: the key is not accepted, or the plan has no Management API', async () => {
		const { message } = await refusedWith({ management: { managementApiKey: 'mg_wrong' } });
		expect(message).toContain('did not accept the Management Key (HTTP 401)');
		expect(message).toContain('Scale plan');
	});

	it('403: a plan without the Management API', async () => {
		const { message } = await refusedWith({
			management: { managementApiKey: JUNCTION_MANAGEMENT_NO_PLAN_KEY },
		});
		expect(message).toContain('HTTP 403');
		expect(message).toContain('Scale plan');
	});

	it('403: a team the key may not manage', async () => {
		const { message } = await refusedWith({
			management: { teamId: JUNCTION_MANAGEMENT_FOREIGN_TEAM_ID },
		});
		expect(message).toContain('may not manage this team');
	});

	it('404: an unknown org or team, naming both ids', async () => {
		const unknownTeam = '11111111-2222-4333-8444-555555555555';
		const { message, text } = await refusedWith({ management: { teamId: unknownTeam } });
		expect(message).toContain('HTTP 404');
		expect(message).toContain(unknownTeam);
		expect(text).toContain('Management API is not available');
	});

	it('422: ids that are not UUIDs', async () => {
		const { message } = await refusedWith({ management: { orgId: 'my-org' } });
		expect(message).toContain('must be UUIDs');
	});

	it('422: a webhook URL Junction cannot reach, pointing to WEBHOOK_URL, without echoed input', async () => {
		const url = 'http://localhost:5678/webhook/abc/webhook';
		const { message, text } = await refusedWith({ webhookUrl: url });
		expect(message).toContain(`refused the webhook URL ${url} (HTTP 422)`);
		expect(message).toContain('WEBHOOK_URL');
		expect(text).toContain('publicly reachable');
		expect(text).not.toContain('echoed input');
		expect(management.endpoints).toHaveLength(0);
	});

	it('422: an event type the team does not offer', async () => {
		management.unknownEventTypes = ['labtest.order.created'];
		const { message, text } = await refusedWith({});
		expect(message).toBe('Junction refused the selected event types (HTTP 422)');
		expect(text).toContain('body.filter_types.0: Unknown event type');
		expect(text).toContain('Select All Events');
	});

	it('an unreachable Management API', async () => {
		const closed = new FakeServer();
		const url = await closed.start();
		await closed.stop();
		const { message, text } = await refusedWith({ management: { baseUrl: url } });
		expect(message).toBe("Could not reach Junction's Management API");
		expect(text).toContain('ECONNREFUSED');
		expect(text).toContain('Base URL in the Junction (Vital) Management API credential');
	});
});
