import type { CredentialJson } from '../../dev/n8n';
import { testProvider, type MoreFakeName, type ProviderKey } from '../../dev/fakes';
import { HURDLE_FAKE_API_KEY } from '../../dev/fakes/hurdle/api';
import { JUNCTION_FAKE_KEY } from '../../dev/fakes/junction/api';
import {
	JUNCTION_MANAGEMENT_FAKE_KEY,
	JUNCTION_MANAGEMENT_ORG_ID,
	JUNCTION_MANAGEMENT_TEAM_ID,
} from '../../dev/fakes/junction/managementApi';
import { LML_FAKE_TOKEN } from '../../dev/fakes/londonMedicalLaboratory/api';
import { stableId } from '../../dev/n8n/workflows';

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
	/** Changed by the test that types keys into the credential dialog; no other test uses it. */
	editedCredential: string;
	/** The credential test's message for a key the provider answers 401 to (the credential's `test.rules`). */
	refusedKeyMessage: string;
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
	editedCredential: 'LML, token typed in the dialog (editor)',
	refusedKeyMessage:
		'London Medical Laboratory did not accept the API token (HTTP 401): check the token, and that it belongs to the chosen environment (sandbox tokens only work on the sandbox)',
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
	editedCredential: 'Hurdle, key typed in the dialog (editor)',
	refusedKeyMessage:
		'Hurdle did not accept the API key (HTTP 401): check the key, and that it belongs to the chosen environment (sandbox keys only work on the sandbox, production keys only on production)',
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
	editedCredential: 'Junction, key typed in the dialog (editor)',
	refusedKeyMessage:
		'Junction did not accept the API key (HTTP 401): check the key, and that environment and region match it (sk_ keys only work on the sandbox, pk_ keys only in production, an EU key only on the EU host)',
	secret: whsec('junction-editor-secret'),
	wrongSecret: whsec('junction-editor-wrong'),
	keys: { right: JUNCTION_FAKE_KEY, wrong: 'sk_us_revoked-key' },
	credentialTestPath: '/v2/user',
	keyHeader: 'x-vital-api-key',
};

export const PROVIDERS = [LML, HURDLE, JUNCTION];

/**
 * The Junction Trigger's automatic webhook setup: a Management API credential for the fake Management
 * API (dev/fakes/junction/managementApi.ts), whose key, org and team it accepts.
 */
export const JUNCTION_MANAGEMENT = {
	credentialType: 'junctionManagementApi',
	credential: 'Junction Management (editor)',
	data: (baseUrl: string) => ({
		managementApiKey: JUNCTION_MANAGEMENT_FAKE_KEY,
		orgId: JUNCTION_MANAGEMENT_ORG_ID,
		teamId: JUNCTION_MANAGEMENT_TEAM_ID,
		baseUrl,
	}),
};

/** Base URL of each fake the editor tests use: the providers' APIs and Junction's Management API. */
export type EditorFakes = Record<ProviderKey | MoreFakeName, string>;

/** A credential's id, derived from its name (the NDV's credential options carry it). */
export function credentialIdOf(name: string): string {
	return stableId(`editor credential:${name}`);
}

/** Every credential to import, given the fakes' base URLs. */
export function editorCredentials(fakes: EditorFakes): CredentialJson[] {
	const management = {
		id: credentialIdOf(JUNCTION_MANAGEMENT.credential),
		name: JUNCTION_MANAGEMENT.credential,
		type: JUNCTION_MANAGEMENT.credentialType,
		data: JUNCTION_MANAGEMENT.data(fakes.junctionManagement),
	};
	return [
		...PROVIDERS.flatMap((fixture) =>
			(
				[
					[fixture.credential, 'right'],
					[fixture.wrongKeyCredential, 'wrong'],
					[fixture.editedCredential, 'right'],
				] as const
			).map(([name, key]) => {
				const { provider, credentials } = testProvider(fixture.provider);
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
		),
		management,
	];
}
