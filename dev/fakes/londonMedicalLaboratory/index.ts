import { LondonMedicalLaboratory } from '../../../nodes/LondonMedicalLaboratory/LondonMedicalLaboratory.node';
import { LondonMedicalLaboratoryTrigger } from '../../../nodes/LondonMedicalLaboratory/LondonMedicalLaboratoryTrigger.node';
import { lmlActions } from '../../../nodes/LondonMedicalLaboratory/actions';
import { lml } from '../../../nodes/LondonMedicalLaboratory/provider';
import { lmlWebhookSource } from '../../../nodes/LondonMedicalLaboratory/webhook';
import { sharedSecretCredentials, sharedSecretSigner } from '../sharedSecret';
import { defineTestProvider } from '../types';
import { createLmlFake, LML_FAKE_TOKEN, lmlFakeData } from './api';
import { lmlSampleSource } from './samples';

/** London Medical Laboratory in the tests: a bearer-token API, and webhooks with a shared secret. */
export const lmlTest = defineTestProvider({
	key: 'londonMedicalLaboratory',
	provider: lml,
	shortName: 'LML',
	aliases: ['lml'],
	webhookSource: lmlWebhookSource,
	Trigger: LondonMedicalLaboratoryTrigger,
	Action: LondonMedicalLaboratory,
	actions: lmlActions,
	createFake: (records) =>
		createLmlFake(
			records === undefined
				? undefined
				: lmlFakeData({ registrations: records, orders: records, products: 40 }),
		),
	// The write operations' e2e tests get a fake of their own: the orders they create must not show up
	// in another test file's Get Many.
	moreFakes: { lmlWrites: () => createLmlFake() },
	samples: lmlSampleSource,
	signer: sharedSecretSigner,
	credentials: sharedSecretCredentials('apiToken', LML_FAKE_TOKEN),
	counted: { event: 'test_registration.sample_received', idOverride: 'testRegistrationId' },
});
