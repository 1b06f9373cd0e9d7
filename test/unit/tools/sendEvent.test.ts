import { listEvents, main, parseCommand, UsageError } from '../../../dev/tools/send-event';

describe('npm run send-event', () => {
	const url = 'http://127.0.0.1:5678/webhook-test/abc/webhook';

	test('reads every option into what the sender takes', () => {
		const command = parseCommand([
			'--provider',
			'londonMedicalLaboratory',
			'--event',
			'order.shipped',
			'--url',
			url,
			'--secret',
			's',
			'--header',
			'X-Secret',
			'--query-token',
			'--override',
			'orderId=o-1',
			'--override',
			'count=3',
		]);
		expect(command).toEqual({
			kind: 'send',
			provider: 'londonMedicalLaboratory',
			event: 'order.shipped',
			url,
			dryRun: false,
			options: expect.objectContaining({
				secret: 's',
				headerName: 'X-Secret',
				secretInQuery: true,
				overrides: { orderId: 'o-1', count: 3 },
			}),
		});
	});

	test.each([
		[
			['--provider', 'acme', '--event', 'x', '--url', url],
			/--provider must be one of: londonMedicalLaboratory, hurdle, junction/,
		],
		[
			['--provider', 'londonMedicalLaboratory', '--event', 'order.lost', '--url', url],
			/Unknown londonMedicalLaboratory event "order.lost". Known: .*order.shipped/,
		],
		[['--provider', 'londonMedicalLaboratory', '--event', 'order.shipped'], /--url is required/],
		[
			['--provider', 'londonMedicalLaboratory', '--event', 'order.shipped', '--url', 'not a url'],
			/--url is not a URL/,
		],
		[
			['--provider', 'hurdle', '--event', 'order.created', '--url', url, '--method', 'PUT'],
			/--method must be one of: GET, POST/,
		],
		[
			[
				'--provider',
				'junction',
				'--event',
				'labtest.order.created',
				'--url',
				url,
				'--timestamp',
				'yesterday',
			],
			/--timestamp takes Unix seconds/,
		],
		[['--bogus'], /Unknown option '--bogus'/],
	])('refuses %j with a clear message', (argv, message) => {
		expect(() => parseCommand(argv)).toThrow(UsageError);
		expect(() => parseCommand(argv)).toThrow(message);
	});

	test("accepts a provider's alias for its key: lml is londonMedicalLaboratory", () => {
		expect(
			parseCommand(['--provider', 'lml', '--event', 'order.shipped', '--url', url]),
		).toMatchObject({ kind: 'send', provider: 'londonMedicalLaboratory' });
	});

	test('--list names every provider with its events', () => {
		expect(listEvents()).toMatch(
			/^londonMedicalLaboratory \(shared secret\):\n {2}test_registration\.complete/,
		);
		expect(listEvents()).toContain('junction (Svix signature):');
	});

	test('--dry-run prints the signed request without sending it', async () => {
		let output = '';
		const code = await main(
			[
				'--provider',
				'londonMedicalLaboratory',
				'--event',
				'order.shipped',
				'--url',
				url,
				'--secret',
				'changeme',
				'--dry-run',
			],
			(text) => (output += text),
		);
		expect(code).toBe(0);
		expect(output).toContain(`POST ${url}`);
		expect(output).toContain('X-Webhook-Secret: changeme');
		expect(output).toContain('"event":"order.shipped"');
	});

	test('a usage error exits with 2 and shows the usage', async () => {
		let output = '';
		expect(await main(['--provider', 'londonMedicalLaboratory'], (text) => (output += text))).toBe(
			2,
		);
		expect(output).toMatch(/--event is required[\s\S]*Usage: npm run send-event/);
	});
});
