/**
 * Evaluates a credential's `={{ … }}` expression as plain JavaScript, so tests can check that the
 * credential test calls the same host as the node's transport. Only our own expressions are evaluated.
 */
export function evaluateCredentialExpression(
	expression: string,
	credentials: Record<string, unknown>,
): unknown {
	const body = expression
		.trim()
		.replace(/^=\{\{/, '')
		.replace(/\}\}$/, '');
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- evaluates our own credential expression, in a test
	return new Function('$credentials', `return (${body});`)(credentials);
}
