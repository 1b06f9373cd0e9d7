import { NodeOperationError } from 'n8n-workflow';

import { lmlSample } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { triggerRig } from '../../../support/triggerHarness';

const secret = 'lml-webhook-secret-for-tests';
const { harness: lml } = triggerRig('londonMedicalLaboratory', { secret });

describe('London Medical Laboratory Trigger: authentication', () => {
	it('refuses a delivery without the secret, with the reason', async () => {
		const { result, response } = await lml.send({
			headers: { 'content-type': 'application/json' },
			body: lmlSample('order.shipped'),
		});
		expect(result.workflowData).toBeUndefined();
		expect(response.status).toBe(401);
		expect(response.body?.message).toContain('carries no secret');
	});

	it('refuses a wrong secret', async () => {
		const { response } = await lml.send({
			headers: { 'X-Webhook-Secret': 'nope' },
			body: lmlSample('order.shipped'),
		});
		expect(response).toMatchObject({ status: 401, body: { status: 'rejected' } });
	});

	it('accepts the secret as ?token=', async () => {
		const { items } = await lml.send({
			headers: {},
			query: { token: secret },
			body: lmlSample('order.shipped'),
		});
		expect(items).toHaveLength(1);
	});

	it('accepts anything when verification is explicitly turned off', async () => {
		const { items } = await lml.send(
			{ headers: {}, body: lmlSample('order.shipped') },
			{ parameters: { authentication: 'none' } },
		);
		expect(items).toHaveLength(1);
	});

	it('refuses to activate without a secret, unless verification is off', async () => {
		const withoutSecret = lml.credentials({ secret: '' });
		const activate = async (authentication: string, credentials = lml.credentials()) =>
			await lml.lifecycle({ authentication }, { credentials }).create();
		await expect(activate('verify', withoutSecret)).rejects.toThrow('no webhook secret');
		await expect(activate('none', withoutSecret)).resolves.toBe(true);
		await expect(activate('verify')).resolves.toBe(true);
	});

	it('says why activation failed and how to fix it, and warns when verification is off', async () => {
		const withoutSecret = lml.credentials({ secret: '' });
		const refused = lml.lifecycle({ authentication: 'verify' }, { credentials: withoutSecret });
		const error = await refused.create().then(
			() => undefined,
			(thrown: unknown) => thrown as NodeOperationError,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.description).toBe(
			'Fix the credential, or set Authentication to "None (Insecure)" if you really want to accept unverified requests.',
		);
		const warnings: string[] = [];
		await lml
			.lifecycle({ authentication: 'none' }, { credentials: withoutSecret, warnings })
			.create();
		expect(warnings).toEqual([
			'trigger: incoming webhooks are not verified (Authentication: None)',
		]);
	});

	it('has nothing to find or remove in LML: the URL is entered by hand in its portal', async () => {
		const lifecycle = lml.lifecycle();
		await expect(lifecycle.checkExists()).resolves.toBe(false);
		await expect(lifecycle.delete()).resolves.toBe(true);
	});
});
