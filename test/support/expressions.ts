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

/**
 * For a credential with Production, Sandbox and Custom Base URL environments (LML, Hurdle): its test
 * request and the node's transport reach the same host in each.
 */
export function itTestsAndCallsTheSameHost(
	testBaseUrl: unknown,
	nodeBaseUrl: (settings: Record<string, string>) => string,
	baseUrls: Record<string, string>,
): void {
	it.each([
		[{ environment: 'production' }, baseUrls.production],
		[{ environment: 'sandbox' }, baseUrls.sandbox],
		[{ environment: 'custom', baseUrl: 'http://127.0.0.1:4000' }, 'http://127.0.0.1:4000'],
	])('tests and calls the same host for %j', (settings, expected) => {
		expect(evaluateCredentialExpression(String(testBaseUrl), settings)).toBe(expected);
		expect(nodeBaseUrl(settings)).toBe(expected);
	});
}
