import type { IDataObject } from 'n8n-workflow';

import { HurdleTrigger } from '../../../../nodes/Hurdle/HurdleTrigger.node';
import { hurdleDelivery, hurdleSample } from '../../../../dev/fakes/hurdle/samples';
import { HEADER, hurdleTriggerRig, SECRET } from '../triggerRig';

const { hurdle } = hurdleTriggerRig();

describe('authentication', () => {
	it('accepts the secret in the header named in the credential', async () => {
		expect((await hurdle.send(hurdle.sample('order.created'))).response.status).toBe(200);
	});

	it('answers 401 without an execution when the secret is missing', async () => {
		const { response, result } = await hurdle.send(hurdleDelivery(hurdleSample('order.created')));
		expect(response).toEqual({
			status: 401,
			body: { status: 'rejected', message: expect.stringContaining(HEADER) },
		});
		expect(result.workflowData).toBeUndefined();
	});

	it('answers 401 for a wrong secret, without echoing it', async () => {
		const { response, result } = await hurdle.send(
			hurdle.sample('order.created', { secret: 'not-the-secret' }),
		);
		expect(response.status).toBe(401);
		expect(JSON.stringify(response.body)).not.toContain('not-the-secret');
		expect(result.workflowData).toBeUndefined();
	});

	it('does not take the secret from the default header when another one is configured', async () => {
		const { response } = await hurdle.send(
			hurdle.sample('order.created', { headerName: 'X-Webhook-Secret' }),
		);
		expect(response.status).toBe(401);
	});

	it('accepts the secret as ?token= on a POST', async () => {
		expect(
			(await hurdle.send(hurdle.sample('order.created', { secretInQuery: true }))).response.status,
		).toBe(200);
	});

	it('fails closed when the credential has no secret', async () => {
		const { response } = await hurdle.send(hurdle.sample('order.created'), {
			credentials: hurdle.credentials({ secret: '' }),
		});
		expect(response.status).toBe(401);
		expect(response.body?.message).toContain('No webhook secret');
	});

	it('accepts anything with Authentication "None"', async () => {
		const { items } = await hurdle.send(hurdleDelivery(hurdleSample('order.created')), {
			parameters: { authentication: 'none' },
			credentials: hurdle.credentials({ secret: '' }),
		});
		expect(items).toHaveLength(1);
	});

	it('defaults to verifying, and warns when set to None', () => {
		const properties = new HurdleTrigger().description.properties;
		expect(properties.find((property) => property.name === 'authentication')?.default).toBe(
			'verify',
		);
		expect(
			properties.find((property) => property.name === 'insecureNotice')?.displayOptions,
		).toEqual({ show: { authentication: ['none'] } });
	});
});

describe('activation', () => {
	const create = (parameters: IDataObject, webhookSecret: string) =>
		hurdle
			.lifecycle(parameters, { credentials: hurdle.credentials({ secret: webhookSecret }) })
			.create();

	it('fails clearly when verification is on and the credential has no secret', async () => {
		await expect(create({ authentication: 'verify' }, '')).rejects.toThrow('no webhook secret');
	});

	it('succeeds with a secret, or with verification off', async () => {
		await expect(create({ authentication: 'verify' }, SECRET)).resolves.toBe(true);
		await expect(create({ authentication: 'none' }, '')).resolves.toBe(true);
	});
});
