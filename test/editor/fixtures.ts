import { HURDLE_FAKE_API_KEY } from '../support/providers/hurdle/fake';
import { JUNCTION_FAKE_KEY } from '../support/providers/junction/fake';
import { LML_FAKE_TOKEN } from '../support/providers/londonMedicalLaboratory/fake';
import type { CredentialJson } from '../support/n8n';
import type { ProviderKey } from '../support/sender';
import { stableId } from '../e2e/workflows';

/**
 * The credentials the editor tests pick in the editor, one pair per provider: one with the key the
 * fake API accepts, one with a key it answers 401 to. Names carry "(editor)" so that a screenshot or
 * a log says where they come from; the webhook secrets are the editor run's own.
 */
export interface ProviderFixture {
	provider: ProviderKey;
	/** What a user types into the node creator's search bar. */
	search: string;
	/** The node's name in the node creator (the trigger and the action node share it). */
	creatorName: RegExp;
	credentialType: string;
	credential: string;
	wrongKeyCredential: string;
	/** The sender's signing options: the secret the credential holds, and its header. */
	secret: string;
	headerName?: string;
	/** Signs well, but is not the credential's. */
	wrongSecret: string;
	/** Name of the fake in the editor state (`fakes[fake]` is its base URL). */
	fake: 'lml' | 'hurdle' | 'junction';
	/** Where the credential's "Test" request goes, and the header that carries the key. */
	credentialTestPath: string;
	keyHeader: string;
	data(fakeUrl: string, key: 'right' | 'wrong'): Record<string, unknown>;
}

const whsec = (text: string) => `whsec_${Buffer.from(text).toString('base64')}`;

export const LML: ProviderFixture = {
	provider: 'lml',
	search: 'London Medical',
	creatorName: /^London Medical Laboratory$/,
	credentialType: 'londonMedicalLaboratoryApi',
	credential: 'LML (editor)',
	wrongKeyCredential: 'LML, revoked token (editor)',
	secret: 'editor-lml-shared-secret',
	headerName: 'X-LML-Webhook-Secret',
	wrongSecret: 'not-the-editor-lml-secret',
	fake: 'lml',
	credentialTestPath: '/api/product/',
	keyHeader: 'authorization',
	data: (baseUrl, key) => ({
		environment: 'custom',
		baseUrl,
		apiToken: key === 'right' ? LML_FAKE_TOKEN : 'revoked-token',
		webhookHeaderName: 'X-LML-Webhook-Secret',
		webhookSecret: 'editor-lml-shared-secret',
	}),
};

export const HURDLE: ProviderFixture = {
	provider: 'hurdle',
	search: 'Hurdle',
	creatorName: /^Hurdle \(Chronomics\)$/,
	credentialType: 'hurdleApi',
	credential: 'Hurdle (editor)',
	wrongKeyCredential: 'Hurdle, revoked key (editor)',
	secret: 'editor-hurdle-shared-secret',
	headerName: 'X-Hurdle-Webhook-Secret',
	wrongSecret: 'not-the-editor-hurdle-secret',
	fake: 'hurdle',
	credentialTestPath: '/products/v1',
	keyHeader: 'x-api-key',
	data: (baseUrl, key) => ({
		environment: 'custom',
		baseUrl,
		apiKey: key === 'right' ? HURDLE_FAKE_API_KEY : 'revoked-key',
		webhookHeaderName: 'X-Hurdle-Webhook-Secret',
		webhookSecret: 'editor-hurdle-shared-secret',
	}),
};

export const JUNCTION: ProviderFixture = {
	provider: 'junction',
	search: 'Junction',
	creatorName: /^Junction \(Vital\)$/,
	credentialType: 'junctionApi',
	credential: 'Junction (editor)',
	wrongKeyCredential: 'Junction, revoked key (editor)',
	secret: whsec('junction-editor-secret'),
	wrongSecret: whsec('junction-editor-wrong'),
	fake: 'junction',
	credentialTestPath: '/v2/user',
	keyHeader: 'x-vital-api-key',
	data: (baseUrl, key) => ({
		apiKey: key === 'right' ? JUNCTION_FAKE_KEY : 'sk_us_revoked-key',
		environment: 'custom',
		baseUrl,
		region: 'auto',
		domain: 'junction',
		webhookSigningSecrets: whsec('junction-editor-secret'),
	}),
};

export const PROVIDERS = [LML, HURDLE, JUNCTION];

/** A credential's id, derived from its name (the NDV's credential options carry it). */
export function credentialIdOf(name: string): string {
	return stableId(`editor credential:${name}`);
}

/** Every credential to import, given the fakes' base URLs. */
export function editorCredentials(
	fakes: Record<ProviderFixture['fake'], string>,
): CredentialJson[] {
	return PROVIDERS.flatMap((fixture) =>
		(['right', 'wrong'] as const).map((key) => {
			const name = key === 'right' ? fixture.credential : fixture.wrongKeyCredential;
			return {
				id: credentialIdOf(name),
				name,
				type: fixture.credentialType,
				data: fixture.data(fakes[fixture.fake], key),
			};
		}),
	);
}
