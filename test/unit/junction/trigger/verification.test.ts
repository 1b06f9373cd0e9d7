import { Webhook } from 'svix';

import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import { junctionSample } from '../../../../dev/fakes/junction/samples';
import { triggerHarness } from '../../../support/triggerHarness';
import { NEXT_SIGNING_SECRET, SIGNING_SECRET } from '../signing';

const body = JSON.stringify(junctionSample('labtest.order.updated', { status: 'transit_lab' }));
const junction = triggerHarness('junction', { secret: SIGNING_SECRET });
const now = () => Math.floor(Date.now() / 1000);

/** Svix headers for `body`, produced by the official svix library. */
function svixHeaders(
	secret: string,
	{ id = 'msg_2ZxJunctionUnit01', sentAt = now(), payload = body } = {},
) {
	const signature = new Webhook(secret).sign(id, new Date(sentAt * 1000), payload);
	return { 'svix-id': id, 'svix-timestamp': String(sentAt), 'svix-signature': signature };
}

beforeEach(() => forgetProcessMemory());

describe('Junction Trigger: Svix signatures', () => {
	it('accepts a delivery signed by the official svix library and starts one execution', async () => {
		const run = await junction.send({ headers: svixHeaders(SIGNING_SECRET), body });
		expect(run.response).toEqual({
			status: 200,
			body: { status: 'accepted', message: 'Event received', deliveryId: 'msg_2ZxJunctionUnit01' },
		});
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({
			event: 'labtest.order.updated',
			status: 'transit_lab',
		});
	});

	it.each([
		['stale (older than the tolerance)', -301, 'more than 300 s in the past'],
		['from the future', 301, 'more than 300 s in the future'],
	])(
		'refuses a %s message with 401 and its reason, without an execution',
		async (_name, offset, reason) => {
			const run = await junction.send({
				headers: svixHeaders(SIGNING_SECRET, { sentAt: now() + offset }),
				body,
			});
			expect(run.response.status).toBe(401);
			expect(run.response.body).toMatchObject({ status: 'rejected' });
			expect(String(run.response.body!.message)).toContain(reason);
			expect(run.result.workflowData).toBeUndefined();
		},
	);

	it('honours the Signature Tolerance option', async () => {
		const headers = svixHeaders(SIGNING_SECRET, { sentAt: now() - 120 });
		const strict = await junction.send(
			{ headers, body },
			{ parameters: { options: { signatureToleranceSeconds: 60 } } },
		);
		expect(strict.response.status).toBe(401);
		forgetProcessMemory();
		const lenient = await junction.send(
			{ headers, body },
			{ parameters: { options: { signatureToleranceSeconds: 600 } } },
		);
		expect(lenient.response.status).toBe(200);
	});

	it('refuses a tampered body', async () => {
		const headers = svixHeaders(SIGNING_SECRET);
		const run = await junction.send({ headers, body: body.replace('transit_lab', 'completed') });
		expect(run.response).toMatchObject({ status: 401 });
		expect(String(run.response.body!.message)).toContain('No v1 signature matches');
		expect(run.result.workflowData).toBeUndefined();
	});

	it('checks the exact bytes received: the same JSON re-serialised does not verify', async () => {
		const headers = svixHeaders(SIGNING_SECRET);
		const run = await junction.send({ headers, body: JSON.stringify(JSON.parse(body), null, 2) });
		expect(run.response.status).toBe(401);
	});

	it('refuses a message signed with another secret', async () => {
		const run = await junction.send({ headers: svixHeaders(NEXT_SIGNING_SECRET), body });
		expect(run.response.status).toBe(401);
		expect(run.result.workflowData).toBeUndefined();
	});

	it('accepts either secret during a rotation, and a header carrying two signatures', async () => {
		const credentials = junction.credentials({
			secret: `${SIGNING_SECRET} ${NEXT_SIGNING_SECRET}`,
		});
		const withNewSecret = await junction.send(
			{ headers: svixHeaders(NEXT_SIGNING_SECRET, { id: 'msg_rotation_new' }), body },
			{ credentials },
		);
		expect(withNewSecret.response.status).toBe(200);

		const old = svixHeaders(SIGNING_SECRET, { id: 'msg_rotation_both' });
		const fresh = svixHeaders(NEXT_SIGNING_SECRET, {
			id: 'msg_rotation_both',
			sentAt: Number(old['svix-timestamp']),
		});
		const bothSignatures = {
			...old,
			'svix-signature': `${fresh['svix-signature']} ${old['svix-signature']}`,
		};
		const onlyOldConfigured = await junction.send({ headers: bothSignatures, body });
		expect(onlyOldConfigured.response.status).toBe(200);
	});

	it.each(['svix-id', 'svix-timestamp', 'svix-signature'])(
		'refuses a delivery without %s and names it',
		async (header) => {
			const headers: Record<string, string> = svixHeaders(SIGNING_SECRET);
			delete headers[header];
			const run = await junction.send({ headers, body });
			expect(run.response.status).toBe(401);
			expect(String(run.response.body!.message)).toContain(header);
			expect(run.result.workflowData).toBeUndefined();
		},
	);

	it('accepts the webhook-* header names of white-labelled Svix senders', async () => {
		const svix = svixHeaders(SIGNING_SECRET, { id: 'msg_white_label' });
		const headers = {
			'webhook-id': svix['svix-id'],
			'webhook-timestamp': svix['svix-timestamp'],
			'webhook-signature': svix['svix-signature'],
		};
		const run = await junction.send({ headers, body });
		expect(run.response.status).toBe(200);
		expect(run.items).toHaveLength(1);
	});

	it('refuses everything, with a reason and no secret in it, when the configured secret is malformed', async () => {
		const credentials = junction.credentials({ secret: 'whsec_not base64!' });
		const run = await junction.send(
			{ headers: svixHeaders(SIGNING_SECRET), body },
			{ credentials },
		);
		expect(run.response.status).toBe(401);
		expect(String(run.response.body!.message)).toContain('not a valid whsec_ secret');
		expect(String(run.response.body!.message)).not.toContain('not base64');
	});

	it('refuses everything when no secret is configured', async () => {
		const run = await junction.send(
			{ headers: svixHeaders(SIGNING_SECRET), body },
			{ credentials: junction.credentials({ secret: '' }) },
		);
		expect(run.response.status).toBe(401);
		expect(String(run.response.body!.message)).toContain('No webhook signing secret');
	});

	it('skips the check only when Authentication is explicitly None', async () => {
		const run = await junction.send(
			{ body },
			{ parameters: { authentication: 'none' }, credentials: junction.credentials({ secret: '' }) },
		);
		expect(run.response.status).toBe(200);
		expect(run.items).toHaveLength(1);
	});

	it('signs sender deliveries the trigger accepts (the sender uses the svix library too)', async () => {
		const run = await junction.send(junction.sample('labtest.order.created'));
		expect(run.response.status).toBe(200);
	});
});

describe('Junction Trigger: activation check', () => {
	const activate = async (secrets: string, authentication = 'verify') =>
		await junction
			.lifecycle({ authentication }, { credentials: junction.credentials({ secret: secrets }) })
			.create();

	it('passes with one or two well-formed secrets', async () => {
		await expect(activate(SIGNING_SECRET)).resolves.toBe(true);
		await expect(activate(`${SIGNING_SECRET}\n${NEXT_SIGNING_SECRET}`)).resolves.toBe(true);
	});

	it('fails clearly when verification is on and no secret is set', async () => {
		await expect(activate('')).rejects.toThrow('no webhook signing secret');
	});

	it('fails clearly, naming which one, when a secret is malformed', async () => {
		await expect(activate(`${SIGNING_SECRET} whsec_%%%`)).rejects.toThrow('secret number 2');
	});

	it('passes without a secret when verification is off', async () => {
		await expect(activate('', 'none')).resolves.toBe(true);
	});
});
