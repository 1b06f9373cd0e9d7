import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** Junction's Management API; only a test server (a fake, a proxy) needs another base URL. */
export const JUNCTION_MANAGEMENT_BASE_URL = 'https://api.management.junction.com';

/**
 * A Management Key of a Junction organisation (Scale plan), used only by the Junction Trigger's
 * automatic webhook setup. Junction documents no status but 200 and 422 for this API, so the test's
 * messages for 401, 403 and 404 name every cause they may stand for.
 */
export class JunctionManagementApi implements ICredentialType {
	name = 'junctionManagementApi';

	displayName = 'Junction (Vital) Management API';

	icon: Icon = {
		light: 'file:../nodes/Junction/junction.svg',
		dark: 'file:../nodes/Junction/junction.dark.svg',
	};

	documentationUrl = 'https://docs.junction.com/webhooks/introduction';

	properties: INodeProperties[] = [
		{
			displayName: 'Management Key',
			name: 'managementApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'e.g. mg_…',
			description:
				'A Management Key of your Junction organisation (Scale plan), sent as X-Management-Key. It can create and delete webhook endpoints of your teams.',
		},
		{
			displayName: 'Org ID',
			name: 'orgId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 3f2b6c1e-…',
			description: 'The UUID of your Junction organisation',
		},
		{
			displayName: 'Team ID',
			name: 'teamId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 9a7d0e42-…',
			description:
				'The UUID of the team whose webhook endpoints the trigger manages (the team of the API key in the Junction (Vital) API credential)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: JUNCTION_MANAGEMENT_BASE_URL,
			description: 'Leave as it is unless you reach Junction through a proxy or a test server',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-Management-Key': '={{$credentials.managementApiKey}}',
			},
		},
	};

	/**
	 * Lists one webhook endpoint of the team's production environment: this proves the key, both ids and
	 * access to webhook management, which is all the trigger needs.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: '=/v1/org/{{$credentials.orgId.trim()}}/team/{{$credentials.teamId.trim()}}/production/webhook',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Junction did not accept the Management Key (HTTP 401): it is wrong or revoked, or the plan has no Management API (Scale plan)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Junction refused this Management Key (HTTP 403): the plan has no Management API (Scale plan), or the key may not manage this team',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Junction knows no such organisation or team (HTTP 404): check Org ID and Team ID. Without the Management API on the plan Junction may answer this too.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 422,
					message: 'Junction refused the request (HTTP 422): Org ID and Team ID must be UUIDs',
				},
			},
		],
	};
}
