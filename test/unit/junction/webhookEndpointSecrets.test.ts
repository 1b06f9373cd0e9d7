import type { IDataObject } from 'n8n-workflow';

import {
	PREVIOUS_SECRET_SECONDS,
	registeredSecrets,
} from '../../../nodes/Junction/webhookEndpoint';
import { newSigningSecret } from '../../../dev/fakes/junction/managementApi';
import {
	activate,
	credentialsFor,
	junction,
	management,
	onlyEndpoint,
	parametersFor,
	stored,
	type Setup,
} from './endpointRig';
import { SIGNING_SECRET } from './signing';

describe('Junction Trigger, automatic webhook setup: signing secrets', () => {
	const delivered = async (staticData: IDataObject, secret: string, setup: Setup = {}) =>
		await junction.send(junction.sample('labtest.order.updated', { secret }), {
			parameters: parametersFor(setup),
			credentials: credentialsFor(setup),
			staticData,
		});

	it('accepts a delivery signed with the secret the Management API returned, and refuses another secret', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const issued = onlyEndpoint().secrets[0];

		const accepted = await delivered(staticData, issued);
		expect(accepted.response.status).toBe(200);
		expect(accepted.items).toHaveLength(1);
		expect(JSON.stringify(accepted.items)).not.toContain(issued);

		const refused = await delivered(staticData, newSigningSecret());
		expect(refused.response.status).toBe(401);
		expect(refused.result.workflowData).toBeUndefined();
		expect(JSON.stringify(refused.response.body)).not.toContain(issued);
	});

	it('also accepts the secrets of the Junction API credential', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData, credentialSecrets: SIGNING_SECRET });
		const run = await delivered(staticData, SIGNING_SECRET, { credentialSecrets: SIGNING_SECRET });
		expect(run.response.status).toBe(200);
	});

	it('uses the stored secret only in automatic mode', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const manual = await delivered(staticData, onlyEndpoint().secrets[0], {
			parameters: { webhookSetup: 'manual' },
			credentialSecrets: SIGNING_SECRET,
		});
		expect(manual.response.status).toBe(401);
	});

	it('picks up a secret rotated in the dashboard and accepts both while Svix signs with both', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const endpoint = onlyEndpoint();
		const old = endpoint.secrets[0];
		const rotated = management.rotate(endpoint);

		await expect(activate({ staticData })).resolves.toEqual({ existed: true });
		const after = stored(staticData)!;
		expect(after.secret).toBe(rotated);
		expect(after.previousSecret).toBe(old);
		const now = Math.floor(Date.now() / 1000);
		expect(after.previousSecretUntil).toBeGreaterThanOrEqual(now + PREVIOUS_SECRET_SECONDS - 5);

		expect((await delivered(staticData, rotated)).response.status).toBe(200);
		expect((await delivered(staticData, old)).response.status).toBe(200);
		expect((await delivered(staticData, newSigningSecret())).response.status).toBe(401);

		// A later activation keeps the previous secret until its time is up.
		await activate({ staticData });
		expect(stored(staticData)?.previousSecret).toBe(old);
		const nodeData = staticData['node:trigger'] as IDataObject;
		expect(registeredSecrets(nodeData, after.previousSecretUntil! + 1)).toEqual([rotated]);
	});
});
