import { NodeOperationError, type ICredentialDataDecryptedObject, type IHookFunctions } from 'n8n-workflow';

/**
 * None of the three providers lets a team API key register webhook URLs, so there is nothing to create
 * remotely. Activation instead checks that the trigger can verify what arrives, and fails with a clear
 * message instead of answering every delivery with 401.
 */
export async function assertVerificationReady(
	context: IHookFunctions,
	credentialType: string,
	problemWith: (credentials: ICredentialDataDecryptedObject) => string | undefined,
): Promise<true> {
	if (context.getNodeParameter('authentication', 'verify') === 'none') {
		context.logger.warn(`${context.getNode().name}: incoming webhooks are not verified (Authentication: None)`);
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
