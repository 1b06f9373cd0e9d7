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
	expiryOf,
	ledgerHas,
	ledgerWith,
} from '../../../../nodes/shared/trigger/ledger';
import { storedLedgersIn } from '../../../../nodes/shared/trigger/storedLedgers';
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
	const store = storedAs({ version: 5, ledgers: { [TRIGGER_ID]: ledgerOf('seen') } });
	expect(await ran('seen', store)).toBe(false);
	expect(await ran('new', store)).toBe(true);
});

/** A ledger as version 4 wrote it: the whole 22-character fingerprint, then Unix seconds in 7 base-36 digits. */
const version4Ledger = (entries: Array<[string, number]>) =>
	entries
		.map(
			([delivery, expiresAt]) =>
				`${fingerprint(delivery)}${expiresAt.toString(36).padStart(7, '0')}`,
		)
		.sort()
		.join('');

describe('a ledger stored by version 4, before an upgrade', () => {
	it('is still trusted: its deliveries are duplicates, and the save writes it in the current shape', async () => {
		const expiresAt = now() + 3600;
		const store = storedAs({
			version: 4,
			ledgers: {
				[TRIGGER_ID]: version4Ledger([
					['seen', expiresAt],
					['also seen', expiresAt + 7],
				]),
				other: version4Ledger([['elsewhere', expiresAt]]),
			},
		});
		expect(await ran('seen', store)).toBe(false);
		expect(await ran('also seen', store)).toBe(false);
		expect(await ran('new', store)).toBe(true);
		const saved = (store.global as IDataObject).labTestingDeliveries as IDataObject;
		expect(saved.version).toBe(5);
		const ledgers = JSON.parse(JSON.stringify(saved)).ledgers as Record<string, string>;
		expect(ledgers[TRIGGER_ID]).toHaveLength(3 * 18);
		expect(ledgerHas(ledgers[TRIGGER_ID], fingerprint('also seen'), now())).toBe(true);
		expect(ledgerHas(ledgers.other, fingerprint('elsewhere'), now())).toBe(true);
		forgetProcessMemory();
		expect(await ran('seen', storedAs(JSON.parse(JSON.stringify(saved))))).toBe(false);
	});

	it('keeps each delivery at least as long as before: expiries round up to the minute', () => {
		const at = 1_800_000_001;
		const ledgers = storedLedgersIn({
			version: 4,
			ledgers: { [TRIGGER_ID]: version4Ledger([['seen', at]]) },
		});
		expect(expiryOf(ledgers[TRIGGER_ID], fingerprint('seen'), 0)).toBe(1_800_000_060);
		expect(ledgerHas(ledgers[TRIGGER_ID], fingerprint('seen'), at - 1)).toBe(true);
	});

	it('drops what was never a version 4 ledger', () => {
		const ledgers = storedLedgersIn({
			version: 4,
			ledgers: {
				short: 'x'.repeat(28),
				notBase36: `${fingerprint('a')}!!!!!!!`,
				kept: version4Ledger([['a', 1_800_000_000]]),
			},
		});
		expect(Object.keys(ledgers)).toEqual(['kept']);
	});
});

it.each([
	['another version', { version: 3, ledgers: { [TRIGGER_ID]: ledgerOf('seen') } }],
	[
		"another version, in version 4's shape",
		{ version: 3, ledgers: { [TRIGGER_ID]: version4Ledger([['seen', now() + 3600]]) } },
	],
	['ledgers that are not an object', { version: 5, ledgers: ledgerOf('seen') }],
	['null ledgers', { version: 5, ledgers: null }],
	['nothing', null],
	['a plain string', 'version 5'],
])(
	'ignores what is stored in %s, runs the delivery and stores it in the current shape',
	async (_, value) => {
		const store = storedAs(value);
		expect(await ran('seen', store)).toBe(true);
		expect(ledgerHas(savedLedgers(store)[TRIGGER_ID], fingerprint('seen'), now())).toBe(true);
		expect(((store.global as IDataObject).labTestingDeliveries as IDataObject).version).toBe(5);
		forgetProcessMemory();
		expect(await ran('seen', store)).toBe(false);
	},
);

it("drops a trigger's ledger that is not a ledger, and keeps the other triggers' ledgers", async () => {
	const other = ledgerOf('elsewhere');
	const store = storedAs({ version: 5, ledgers: { [TRIGGER_ID]: 'not-a-ledger', other } });
	expect(await ran('seen', store)).toBe(true);
	const saved = savedLedgers(store);
	expect(Object.keys(saved).sort()).toEqual(['other', TRIGGER_ID]);
	expect(saved.other).toBe(other);
	expect(ledgerHas(saved[TRIGGER_ID], fingerprint('seen'), now())).toBe(true);
});
