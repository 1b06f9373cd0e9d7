import type { CredentialJson } from '../support/n8n';
import { testProvider, type ProviderKey } from '../support/providers';
import { HURDLE_FAKE_API_KEY } from '../support/providers/hurdle/fake';
import { JUNCTION_FAKE_KEY } from '../support/providers/junction/fake';
import { LML_FAKE_TOKEN } from '../support/providers/londonMedicalLaboratory/fake';
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
	credential: string;
	wrongKeyCredential: string;
	/** The sender's signing options: the secret the credential holds, and its header. */
	secret: string;
	headerName?: string;
	/** Signs well, but is not the credential's. */
	wrongSecret: string;
	/** The API key the fake accepts, and one it answers 401 to. */
	keys: { right: string; wrong: string };
	/** Where the credential's "Test" request goes, and the header that carries the key. */
	credentialTestPath: string;
	keyHeader: string;
}

const whsec = (text: string) => `whsec_${Buffer.from(text).toString('base64')}`;

export const LML: ProviderFixture = {
	provider: 'londonMedicalLaboratory',
	search: 'London Medical',
	creatorName: /^London Medical Laboratory$/,
	credential: 'LML (editor)',
	wrongKeyCredential: 'LML, revoked token (editor)',
	secret: 'editor-lml-shared-secret',
	headerName: 'X-LML-Webhook-Secret',
	wrongSecret: 'not-the-editor-lml-secret',
	keys: { right: LML_FAKE_TOKEN, wrong: 'revoked-token' },
	credentialTestPath: '/api/product/',
	keyHeader: 'authorization',
};

export const HURDLE: ProviderFixture = {
	provider: 'hurdle',
	search: 'Hurdle',
	creatorName: /^Hurdle \(Chronomics\)$/,
	credential: 'Hurdle (editor)',
	wrongKeyCredential: 'Hurdle, revoked key (editor)',
	secret: 'editor-hurdle-shared-secret',
	headerName: 'X-Hurdle-Webhook-Secret',
	wrongSecret: 'not-the-editor-hurdle-secret',
	keys: { right: HURDLE_FAKE_API_KEY, wrong: 'revoked-key' },
	credentialTestPath: '/products/v1',
	keyHeader: 'x-api-key',
};

export const JUNCTION: ProviderFixture = {
	provider: 'junction',
	search: 'Junction',
	creatorName: /^Junction \(Vital\)$/,
	credential: 'Junction (editor)',
	wrongKeyCredential: 'Junction, revoked key (editor)',
	secret: whsec('junction-editor-secret'),
	wrongSecret: whsec('junction-editor-wrong'),
	keys: { right: JUNCTION_FAKE_KEY, wrong: 'sk_us_revoked-key' },
	credentialTestPath: '/v2/user',
	keyHeader: 'x-vital-api-key',
};

export const PROVIDERS = [LML, HURDLE, JUNCTION];

/** A credential's id, derived from its name (the NDV's credential options carry it). */
export function credentialIdOf(name: string): string {
	return stableId(`editor credential:${name}`);
}

/** Every credential to import, given the fakes' base URLs (by provider key). */
export function editorCredentials(fakes: Record<ProviderKey, string>): CredentialJson[] {
	return PROVIDERS.flatMap((fixture) =>
		(['right', 'wrong'] as const).map((key) => {
			const { provider, credentials } = testProvider(fixture.provider);
			const name = key === 'right' ? fixture.credential : fixture.wrongKeyCredential;
			return {
				id: credentialIdOf(name),
				name,
				type: provider.credentialType,
				data: credentials({
					baseUrl: fakes[fixture.provider],
					apiKey: fixture.keys[key],
					secret: fixture.secret,
					headerName: fixture.headerName,
				}),
			};
		}),
	);
}
