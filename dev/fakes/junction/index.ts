import { Junction } from '../../../nodes/Junction/Junction.node';
import { JunctionTrigger } from '../../../nodes/Junction/JunctionTrigger.node';
import { junctionActions } from '../../../nodes/Junction/actions';
import { junction } from '../../../nodes/Junction/provider';
import { junctionWebhookSource } from '../../../nodes/Junction/webhook';
import { CLOSED_PORT_URL, defineTestProvider, type TestCredentialSettings } from '../types';
import { createJunctionFake, JUNCTION_FAKE_KEY, junctionFakeData } from './api';
import { createJunctionManagementFake } from './managementApi';
import { junctionSampleSource } from './samples';
import { svixSigner } from './signer';

/**
 * Junction (Vital) in the tests: an API key, Svix-signed webhooks, the Management API the trigger's
 * automatic webhook setup calls, and a second API fake for the write operations' e2e tests.
 */
export const junctionTest = defineTestProvider({
	key: 'junction',
	provider: junction,
	shortName: 'Junction',
	webhookSource: junctionWebhookSource,
	Trigger: JunctionTrigger,
	Action: Junction,
	actions: junctionActions,
	createFake: (records) =>
		createJunctionFake(
			records === undefined ? undefined : junctionFakeData({ orders: records, labTests: records }),
		),
	// The write operations' e2e tests get a fake of their own: their test hooks (creates that fail)
	// must not meet another test file's reset of the shared one.
	moreFakes: {
		junctionManagement: createJunctionManagementFake,
		junctionWrites: () => createJunctionFake(),
	},
	samples: junctionSampleSource,
	signer: svixSigner,
	credentials: ({
		baseUrl = CLOSED_PORT_URL,
		apiKey = JUNCTION_FAKE_KEY,
		secret = '',
	}: TestCredentialSettings = {}) => ({
		apiKey,
		environment: 'custom',
		baseUrl,
		region: 'auto',
		domain: 'junction',
		webhookSigningSecrets: secret,
	}),
	counted: { event: 'labtest.order.updated', idOverride: 'orderId' },
});
