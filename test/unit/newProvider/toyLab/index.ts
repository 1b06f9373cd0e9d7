import { FakeServer } from '../../../../dev/fakes/fakeServer';
import { sharedSecretCredentials, sharedSecretSigner } from '../../../../dev/fakes/sharedSecret';
import { defineTestProvider, jsonDelivery, type SampleSource } from '../../../../dev/fakes/types';
import { ToyLab, toyLab, toyLabActions, ToyLabTrigger, toyLabWebhookSource } from './nodes';

/**
 * A toy fourth provider as dev/fakes/<key>/ would hold it: its fake API, its samples and
 * its test descriptor (signer and credentials are the shared-secret ones LML and Hurdle use).
 */
export const TOY_LAB_FAKE_KEY = 'toy-lab-key';
export const TOY_LAB_KIT_ID = 'KIT-0001';

/** The fake API: one kit per id asked for. */
export function createToyLabFake(): FakeServer {
	return new FakeServer().route('GET', '/kits/:id', (request) => ({
		status: 200,
		json: { id: request.params.id, status: 'shipped', patient_name: 'Jane Smith' },
	}));
}

export const toyLabSampleSource: SampleSource = {
	events: ['kit.shipped', 'kit.resulted'],
	build: (event, { overrides = {} }) =>
		jsonDelivery({
			type: event,
			kit: { id: TOY_LAB_KIT_ID, patient_name: 'Jane Smith', ...overrides },
		}),
};

export const toyLabTest = defineTestProvider({
	key: 'toyLab',
	provider: toyLab,
	shortName: 'Toy',
	webhookSource: toyLabWebhookSource,
	Trigger: ToyLabTrigger,
	Action: ToyLab,
	actions: toyLabActions,
	createFake: () => createToyLabFake(),
	samples: toyLabSampleSource,
	signer: sharedSecretSigner,
	credentials: sharedSecretCredentials('apiKey', TOY_LAB_FAKE_KEY),
	counted: { event: 'kit.shipped', idOverride: 'id' },
});
