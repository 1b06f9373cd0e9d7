import type { IDataObject, INodeType, IWebhookFunctions } from 'n8n-workflow';

import {
	claimDelivery,
	forgetProcessMemory,
	startsExecution,
} from '../../../../nodes/shared/webhook/claims';
import { respond } from '../../../../nodes/shared/webhook/delivery';
import {
	deliveryFingerprint,
	EMPTY_LEDGER,
	ledgerHas,
	ledgerWith,
} from '../../../../nodes/shared/trigger/ledger';
import { callWebhook } from '../../../support/webhookCall';

/** What the claims make of the ledgers they find in static data, whatever shape those are in. */
const policy = { ttlSeconds: 3600, maxEntries: 1000 };
const TRIGGER_ID = 'trigger-node-id';
const fingerprint = (name: string) => deliveryFingerprint(['stored-ledgers-test', name]);
const now = () => Math.floor(Date.now() / 1000);

const trigger: INodeType = {
	description: {} as INodeType['description'],
	async webhook(this: IWebhookFunctions) {
		const key = fingerprint(String(this.getHeaderData()['x-delivery']));
		const outcome = await claimDelivery(this, key, policy);
		if (outcome.status === 'new') {
			return startsExecution(
				[[{ json: { key } }]],
				{ status: 'accepted', message: 'ok' },
				outcome.claim,
			);
		}
		return respond(this, 200, { status: outcome.status, message: outcome.status });
	},
};

async function ran(delivery: string, store: IDataObject): Promise<boolean> {
	const call = await callWebhook(trigger, {
		parameters: {},
		credentials: {},
		request: { headers: { 'x-delivery': delivery } },
		staticData: store,
	});
	return call.items.length === 1;
}

const ledgerOf = (...deliveries: string[]) =>
	deliveries.reduce(
		(ledger, delivery) => ledgerWith(ledger, fingerprint(delivery), now() + 3600, now(), 1000),
		EMPTY_LEDGER,
	);

const storedAs = (value: unknown): IDataObject => ({ global: { labTestingDeliveries: value } });
const savedLedgers = (store: IDataObject) =>
	((store.global as IDataObject).labTestingDeliveries as { ledgers: Record<string, string> })
		.ledgers;

beforeEach(() => forgetProcessMemory());

it('trusts a stored ledger of the current shape: its deliveries are duplicates', async () => {
	const store = storedAs({ version: 4, ledgers: { [TRIGGER_ID]: ledgerOf('seen') } });
	expect(await ran('seen', store)).toBe(false);
	expect(await ran('new', store)).toBe(true);
});

it.each([
	['another version', { version: 3, ledgers: { [TRIGGER_ID]: ledgerOf('seen') } }],
	['ledgers that are not an object', { version: 4, ledgers: ledgerOf('seen') }],
	['null ledgers', { version: 4, ledgers: null }],
	['nothing', null],
	['a plain string', 'version 4'],
])(
	'ignores what is stored in %s, runs the delivery and stores it in the current shape',
	async (_, value) => {
		const store = storedAs(value);
		expect(await ran('seen', store)).toBe(true);
		expect(ledgerHas(savedLedgers(store)[TRIGGER_ID], fingerprint('seen'), now())).toBe(true);
		expect(((store.global as IDataObject).labTestingDeliveries as IDataObject).version).toBe(4);
		forgetProcessMemory();
		expect(await ran('seen', store)).toBe(false);
	},
);

it("drops a trigger's ledger that is not a ledger, and keeps the other triggers' ledgers", async () => {
	const other = ledgerOf('elsewhere');
	const store = storedAs({ version: 4, ledgers: { [TRIGGER_ID]: 'not-a-ledger', other } });
	expect(await ran('seen', store)).toBe(true);
	const saved = savedLedgers(store);
	expect(Object.keys(saved).sort()).toEqual(['other', TRIGGER_ID]);
	expect(saved.other).toBe(other);
	expect(ledgerHas(saved[TRIGGER_ID], fingerprint('seen'), now())).toBe(true);
});
