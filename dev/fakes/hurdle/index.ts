import { Hurdle } from '../../../nodes/Hurdle/Hurdle.node';
import { HurdleTrigger } from '../../../nodes/Hurdle/HurdleTrigger.node';
import { hurdleActions } from '../../../nodes/Hurdle/actions';
import { hurdle } from '../../../nodes/Hurdle/provider';
import { hurdleWebhookSource } from '../../../nodes/Hurdle/webhook';
import { sharedSecretCredentials, sharedSecretSigner } from '../sharedSecret';
import { defineTestProvider } from '../types';
import { createHurdleFake, HURDLE_FAKE_API_KEY, hurdleFakeData } from './api';
import { hurdleSampleSource } from './samples';

/** Hurdle (Chronomics) in the tests: an API key, and webhooks (POST or GET) with a shared secret. */
export const hurdleTest = defineTestProvider({
	key: 'hurdle',
	provider: hurdle,
	shortName: 'Hurdle',
	webhookSource: hurdleWebhookSource,
	Trigger: HurdleTrigger,
	Action: Hurdle,
	actions: hurdleActions,
	createFake: (records) =>
		createHurdleFake(
			records === undefined ? undefined : hurdleFakeData({ products: records, orders: records }),
		),
	// The write operations' e2e tests get a fake of their own: the orders they create must not show up
	// in another test file's Get Many.
	moreFakes: { hurdleWrites: () => createHurdleFake() },
	samples: hurdleSampleSource,
	signer: sharedSecretSigner,
	credentials: sharedSecretCredentials('apiKey', HURDLE_FAKE_API_KEY),
	counted: { event: 'order.dispatched', idOverride: 'orderNumber', idPrefix: 'HRD-' },
});
