import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IHookFunctions,
	type INodeType,
} from 'n8n-workflow';

/** Why the credential cannot verify deliveries, or undefined when it can. */
type CredentialProblem = (credentials: ICredentialDataDecryptedObject) => string | undefined;

/**
 * None of the three providers lets a team API key register webhook URLs, so there is nothing to create
 * remotely. Activation instead checks that the trigger can verify what arrives, and fails with a clear
 * message instead of answering every delivery with 401.
 */
export async function assertVerificationReady(
	context: IHookFunctions,
	credentialType: string,
	problemWith: CredentialProblem,
): Promise<true> {
	if (context.getNodeParameter('authentication', 'verify') === 'none') {
		context.logger.warn(
			`${context.getNode().name}: incoming webhooks are not verified (Authentication: None)`,
		);
		return true;
	}
	const credentials = await context.getCredentials(credentialType);
	const problem = problemWith(credentials);
	if (problem) {
		throw new NodeOperationError(context.getNode(), problem, {
			description:
				'Fix the credential, or set Authentication to "None (Insecure)" if you really want to accept unverified requests.',
		});
	}
	return true;
}

/**
 * The webhook methods of a trigger whose URL is set up by hand in the provider's portal: nothing exists or
 * is registered remotely, and activation fails while the credential cannot verify deliveries.
 */
export function manualWebhookMethods(credentialType: string, problemWith: CredentialProblem) {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await assertVerificationReady(this, credentialType, problemWith);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	} satisfies NonNullable<INodeType['webhookMethods']>;
}
