import type { IDataObject, INodeType, IWebhookFunctions } from 'n8n-workflow';

import { processRanChange } from '../../../nodes/shared/catchUp/changeLedger';
import * as claims from '../../../nodes/shared/webhook/claims';
import { respond } from '../../../nodes/shared/webhook/delivery';
import { deliveryFingerprint, ledgerSize } from '../../../nodes/shared/trigger/ledger';
import { startWebhookCall, type FinishOptions, type WebhookCall } from '../../support/webhookCall';

type ClaimsModule = typeof claims;

const policy = { ttlSeconds: 3600, maxEntries: 1000 };
const fingerprint = (name: string | number) => deliveryFingerprint(['claims-test', name]);

/**
 * A trigger that claims the delivery named by its x-delivery header (and the status change, if given),
 * and runs it when new.
 */
function claimingTrigger(module: ClaimsModule = claims, change?: claims.ChangeToClaim): INodeType {
	return {
		description: {} as INodeType['description'],
		async webhook(this: IWebhookFunctions) {
			const key = fingerprint(String(this.getHeaderData()['x-delivery']));
			const outcome = await module.claimDelivery(this, key, policy, undefined, { change });
			if (outcome.status === 'new') {
				// As receiveWebhook does: in its turn to save, and n8n reads the answer after creating the
				// execution.
				await outcome.claim.turnToSave();
				return module.startsExecution(
					[[{ json: { key } }]],
					{ status: 'accepted', message: 'Event received' },
					outcome.claim,
				);
			}
			return respond(this, outcome.status === 'busy' ? 503 : 200, {
				status: outcome.status,
				message: outcome.status,
			});
		},
	};
}

interface Send {
	store: IDataObject;
	trigger?: INodeType;
	nodeId?: string;
	mode?: 'webhook' | 'manual';
	workflowId?: string;
}

async function start(
	delivery: string | number,
	{ store, trigger, nodeId, mode, workflowId }: Send,
) {
	return await startWebhookCall(trigger ?? claimingTrigger(), {
		parameters: {},
		credentials: {},
		request: { headers: { 'x-delivery': String(delivery) } },
		staticData: store,
		nodeId,
		mode,
		workflowId,
	});
}

async function send(delivery: string | number, target: Send, finish: FinishOptions = {}) {
	return (await start(delivery, target)).finish(finish);
}

const ran = (call: { items: unknown[] }) => call.items.length === 1;
/** What the sender was told: 'accepted' with an execution, 'duplicate' or 'busy' without. */
const answer = (call: WebhookCall) => call.response.body?.status;

/**
 * A burst as n8n serves it: every call loads static data before any saves; n8n goes on with each call
 * once its webhook() returned, which a call that starts an execution does in its turn to save.
 */
async function burst(deliveries: Array<string | number>, target: Send) {
	const started = deliveries.map(async (delivery) => await start(delivery, target));
	const finished: WebhookCall[] = [];
	for (const call of started) finished.push((await call).finish());
	return finished;
}

const range = (count: number, prefix = 'd') =>
	Array.from({ length: count }, (_, index) => `${prefix}${index}`);

beforeEach(() => claims.forgetProcessMemory());

describe('claims in one process', () => {
	it('runs each delivery of a concurrent burst once, and the saved ledger holds them all after a restart', async () => {
		const store: IDataObject = {};
		const first = await burst(range(50), { store });
		expect(first.filter(ran)).toHaveLength(50);

		claims.forgetProcessMemory(); // n8n restarts: only what it saved remains
		const again = await burst(range(50), { store });
		expect(again.filter(ran)).toHaveLength(0);
		expect(again.every((call) => call.response.body?.status === 'duplicate')).toBe(true);
	});

	it('keeps the ledgers of several triggers in one workflow, whichever saves last', async () => {
		const store: IDataObject = {};
		const a = await start('a1', { store, nodeId: 'A' });
		const b = start('b1', { store, nodeId: 'B' }); // loads static data before a saves it
		a.finish();
		(await b).finish();
		claims.forgetProcessMemory();
		expect(ran(await send('a1', { store, nodeId: 'A' }))).toBe(false);
		expect(ran(await send('b1', { store, nodeId: 'B' }))).toBe(false);
		// The same delivery id at another trigger is another delivery.
		expect(ran(await send('a1', { store, nodeId: 'B' }))).toBe(true);
	});

	it("gives the sender n8n's error when the execution cannot be created, stores nothing, and runs the redelivery", async () => {
		const store: IDataObject = {};
		const failed = await send('d1', { store }, { executionFails: true });
		expect(failed.response.status).toBe(500);
		expect(JSON.stringify(store)).not.toContain(fingerprint('d1'));

		const retry = await send('d1', { store });
		expect(retry.response).toMatchObject({ status: 200, body: { status: 'accepted' } });
		expect(ran(retry)).toBe(true);
		expect(ran(await send('d1', { store }))).toBe(false);
	});

	it('makes a copy that arrives while the first is being started wait, then drops it', async () => {
		const store: IDataObject = {};
		const first = await start('d1', { store });
		const copy = start('d1', { store });
		expect(ran(first.finish())).toBe(true);
		const second = (await copy).finish();
		expect(second.response).toMatchObject({ status: 200, body: { status: 'duplicate' } });
	});

	it("counts a delivery's status change as run, for an hour, for this process's catch-up while its execution is being created", async () => {
		const now = Math.floor(Date.now() / 1000);
		const running = (at: number) =>
			processRanChange(['webhook'], 'workflow-under-test', 'change-c1', at);
		const first = await start('c1', {
			store: {},
			trigger: claimingTrigger(claims, { id: 'change-c1' }),
		});
		expect([running(now), running(now + 3_500), running(now + 3_602)]).toEqual([true, true, false]);
		expect(ran(first.finish())).toBe(true);
	});

	it('answers "busy" to the copies still waiting after ten copies in a row failed to start', async () => {
		const store: IDataObject = {};
		const waiting = new Set(Array.from({ length: 12 }, async () => await start('d1', { store })));
		const statuses: Array<number | undefined> = [];
		// n8n fails to create every execution: each copy that claims is answered 500, and a waiting copy
		// takes over, until the waiting ones have seen ten fail.
		while (waiting.size > 0) {
			const next = await Promise.race(
				[...waiting].map(async (call) => ({ call, started: await call })),
			);
			waiting.delete(next.call);
			statuses.push(next.started.finish({ executionFails: true }).response.status);
		}
		expect(statuses.filter((status) => status === 500)).toHaveLength(10);
		expect(statuses.filter((status) => status === 503)).toHaveLength(2);
		expect(ran(await send('d1', { store }))).toBe(true);
	});

	it('lets a waiting copy take over when the first could not be started', async () => {
		const store: IDataObject = {};
		const first = await start('d1', { store });
		const copy = start('d1', { store });
		expect(first.finish({ executionFails: true }).response.status).toBe(500);
		const second = (await copy).finish();
		expect(ran(second)).toBe(true);
		expect(second.response.status).toBe(200);
	});

	it('answers "busy" while a first copy whose sender gave up is still unanswered, then follows n8n\'s late answer', async () => {
		const store: IDataObject = {};
		const first = await start('d1', { store });
		first.abortSender(); // a provider timeout while n8n waits, e.g. for a concurrency slot
		const meanwhile = await send('d1', { store });
		expect(meanwhile.response).toMatchObject({ status: 503, body: { status: 'busy' } });
		first.finish(); // n8n starts the run after all, and writes its answer to the closed connection
		expect((await send('d1', { store })).response.body?.status).toBe('duplicate');

		const other = await start('d2', { store });
		other.abortSender();
		other.finish({ executionFails: true });
		expect(ran(await send('d2', { store }))).toBe(true);
	});

	it('writes its saves in the order it serialised them: a save written late cannot leave a newer delivery out', async () => {
		const store: IDataObject = {};
		// Serialised with d1 only, and still on its way to the database.
		const first = (await start('d1', { store })).finish({ saveWrittenLater: true });
		let secondReturned = false;
		const second = start('d2', { store }).then((call) => {
			secondReturned = true;
			return call;
		});
		for (let tick = 0; tick < 100; tick++) await Promise.resolve(); // as far as d2 can go
		expect(secondReturned).toBe(false); // d2's execution waits for d1's answer
		first.writeSave!();
		expect(ran((await second).finish())).toBe(true);

		claims.forgetProcessMemory(); // a restart: only what was written remains
		expect(ran(await send('d1', { store }))).toBe(false);
		expect(ran(await send('d2', { store }))).toBe(false);
	});

	it('does not hold later deliveries behind a call whose sender left before it claimed', async () => {
		const store: IDataObject = {};
		const gone = await startWebhookCall(claimingTrigger(), {
			parameters: {},
			credentials: {},
			request: { headers: { 'x-delivery': 'd1' } },
			staticData: store,
			senderLeftEarly: true,
		});
		let nextReturned = false;
		const next = start('d2', { store }).then((call) => {
			nextReturned = true;
			return call;
		});
		for (let tick = 0; tick < 100; tick++) await Promise.resolve();
		expect(nextReturned).toBe(true); // no close event will ever come for d1
		expect(ran((await next).finish())).toBe(true);
		// A copy of d1 meanwhile: its first call is still unanswered and its sender gone.
		expect((await send('d1', { store })).response.body?.status).toBe('busy');
		expect(ran(gone.finish())).toBe(true);
		expect((await send('d1', { store })).response.body?.status).toBe('duplicate');
	});

	it('keeps test deliveries apart from production ones, and never stores them', async () => {
		const store: IDataObject = {};
		expect(ran(await send('d1', { store, mode: 'manual' }))).toBe(true);
		expect(ran(await send('d1', { store, mode: 'manual' }))).toBe(false);
		expect(store).toEqual({});
		expect(ran(await send('d1', { store }))).toBe(true);
		expect(ran(await send('d1', { store: {}, workflowId: 'another-workflow' }))).toBe(true);
	});

	it('keeps only fingerprints and expiry times in static data, one string per trigger', async () => {
		const store: IDataObject = {};
		await burst(['patient-ref-42', 'patient-ref-43'], { store });
		const stored = (store.global as IDataObject).labTestingDeliveries as IDataObject;
		expect(Object.keys(stored).sort()).toEqual(['ledgers', 'version']);
		const ledgers = stored.ledgers as Record<string, string>;
		expect(Object.keys(ledgers)).toEqual(['trigger-node-id']);
		expect(ledgerSize(ledgers['trigger-node-id'])).toBe(2);
		expect(JSON.stringify(store)).not.toContain('patient-ref');
	});
});

it('records a delivery in the saved ledger only through startsExecution: an answer n8n reads without it saves the ledger without the delivery', async () => {
	const store: IDataObject = {};
	const plain: INodeType = {
		description: {} as INodeType['description'],
		async webhook(this: IWebhookFunctions) {
			const key = fingerprint(String(this.getHeaderData()['x-delivery']));
			const outcome = await claims.claimDelivery(this, key, policy);
			return outcome.status === 'new'
				? { workflowData: [[{ json: { key } }]], webhookResponse: { status: 'accepted' } }
				: respond(this, 200, { status: outcome.status, message: outcome.status });
		},
	};
	expect(ran(await send('first', { store, trigger: plain }))).toBe(true);
	expect(ran(await send('second', { store, trigger: plain }))).toBe(true);
	claims.forgetProcessMemory(); // a restart
	expect(ran(await send('first', { store }))).toBe(true);
	expect(ran(await send('second', { store }))).toBe(true);
	// Through startsExecution both are saved, although n8n resets the "changed" flag for the second.
	claims.forgetProcessMemory();
	expect(ran(await send('first', { store }))).toBe(false);
	expect(ran(await send('second', { store }))).toBe(false);
});

describe('claims across n8n processes sharing one database', () => {
	/** A second process: its own copy of the module, so its own memory. */
	function secondProcess(): ClaimsModule {
		let module: ClaimsModule | undefined;
		jest.isolateModules(() => {
			module = jest.requireActual<ClaimsModule>('../../../nodes/shared/webhook/claims');
		});
		return module!;
	}

	it('drops redeliveries that reach the other process, after one-at-a-time or burst deliveries', async () => {
		const store: IDataObject = {};
		const other = claimingTrigger(secondProcess());
		for (const [index, delivery] of range(20, 'alt').entries()) {
			const trigger = index % 2 ? other : undefined;
			expect(ran(await send(delivery, { store, trigger }))).toBe(true);
		}
		for (const [index, delivery] of range(20, 'alt').entries()) {
			const trigger = index % 2 ? undefined : other;
			expect(answer(await send(delivery, { store, trigger }))).toBe('duplicate');
		}
		expect((await burst(range(30, 'b'), { store })).filter(ran)).toHaveLength(30);
		expect((await burst(range(30, 'b'), { store, trigger: other })).map(answer)).toEqual(
			Array(30).fill('duplicate'),
		);
	});

	it('heals a ledger another process overwrote, at the next save of the process that ran them', async () => {
		const store: IDataObject = {};
		const other = claimingTrigger(secondProcess());
		const stale = await start('x', { store, trigger: other }); // loads before the burst is saved
		await burst(range(10), { store });
		stale.finish(); // saves its copy, without the burst
		await send('y', { store }); // any later save of the first process writes the burst back
		expect((await burst(range(10), { store, trigger: other })).map(answer)).toEqual(
			Array(10).fill('duplicate'),
		);
	});

	it('residual: copies reaching two processes at the same moment both run (README: route each webhook path to one process)', async () => {
		const store: IDataObject = {};
		const here = await start('same', { store });
		const there = await start('same', { store, trigger: claimingTrigger(secondProcess()) });
		expect([here.finish(), there.finish()].filter(ran)).toHaveLength(2);
	});
});
