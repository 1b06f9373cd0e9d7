/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- a command-line tool: it runs in Node, not inside n8n */
import { parseArgs } from 'node:util';

import { TEST_PROVIDERS, type AnyTestProvider } from '../fakes';
import {
	buildDelivery,
	deliver,
	type Delivery,
	type SampleOptions,
	type SignOptions,
} from '../fakes/sender';

/**
 * `npm run send-event -- --provider londonMedicalLaboratory --event lab_results.complete --url <webhook URL>
 * --secret <secret>` sends the realistic sample event the e2e suite sends, so a workflow can be tried
 * from the n8n editor ("Listen for test event") without the provider. The providers are the registered
 * test descriptors (dev/fakes), or those passed in.
 */
type Providers = readonly AnyTestProvider[];

export const USAGE = `Usage: npm run send-event -- --provider <provider> --event <event> --url <webhook URL> [options]

  --provider <key>       ${TEST_PROVIDERS.map((each) => each.key + (each.aliases ? ` (or ${each.aliases.join(', ')})` : '')).join(', ')}
  --event <name>         an event of that provider (see --list)
  --url <url>            the trigger's webhook URL, e.g. http://localhost:5678/webhook-test/<id>/webhook
  --secret <secret>      LML/Hurdle: the credential's webhook secret; Junction: its whsec_… signing secret
  --header <name>        LML/Hurdle: header carrying the secret (default X-Webhook-Secret)
  --query-token          LML/Hurdle: send the secret as ?token=<secret> instead of a header
  --message-id <id>      Junction: the svix-id; send the same one twice to test deduplication
  --timestamp <seconds>  Junction: when the message was signed (Unix seconds), e.g. to test a stale one
  --method <GET|POST>    Hurdle: GET sends the event as query parameters
  --casing <upper|lower> Hurdle: event name casing (default upper)
  --override <key=value> replace a sample id or field (repeatable), e.g. --override orderId=123
  --dry-run              print the request instead of sending it
  --list                 list the providers and their events`;

export class UsageError extends Error {}

export type Command =
	| { kind: 'help' }
	| { kind: 'list' }
	| {
			kind: 'send';
			/** The provider's key. */
			provider: string;
			event: string;
			url: string;
			options: SampleOptions & SignOptions;
			dryRun: boolean;
	  };

function oneOf<Value extends string>(
	name: string,
	value: string | undefined,
	allowed: readonly Value[],
): Value | undefined {
	if (value === undefined) return undefined;
	if (!allowed.includes(value as Value))
		throw new UsageError(`--${name} must be one of: ${allowed.join(', ')} (got "${value}")`);
	return value as Value;
}

function parseOverride(entry: string): [string, unknown] {
	const separator = entry.indexOf('=');
	if (separator <= 0) throw new UsageError(`--override takes key=value (got "${entry}")`);
	const raw = entry.slice(separator + 1);
	let value: unknown = raw;
	try {
		value = JSON.parse(raw);
	} catch {
		// Not JSON: keep the text.
	}
	return [entry.slice(0, separator), value];
}

/** Reads the command line; throws UsageError with a message meant for the user. */
export function parseCommand(argv: string[], providers: Providers = TEST_PROVIDERS): Command {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			strict: true,
			options: {
				provider: { type: 'string' },
				event: { type: 'string' },
				url: { type: 'string' },
				secret: { type: 'string' },
				header: { type: 'string' },
				'query-token': { type: 'boolean' },
				'message-id': { type: 'string' },
				timestamp: { type: 'string' },
				method: { type: 'string' },
				casing: { type: 'string' },
				override: { type: 'string', multiple: true },
				'dry-run': { type: 'boolean' },
				list: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' },
			},
		}));
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	if (values.help) return { kind: 'help' };
	if (values.list) return { kind: 'list' };

	const keys = providers.map((each) => each.key);
	const provider = oneOf('provider', keyOf(providers, values.provider), keys);
	if (!provider) throw new UsageError(`--provider is required: ${keys.join(', ')}`);
	const events = providerOf(providers, provider).samples.events;
	if (events.length === 0) throw new UsageError(`No ${provider} sample events exist yet`);
	if (!values.event)
		throw new UsageError(`--event is required. ${provider} events: ${events.join(', ')}`);
	if (!events.includes(values.event)) {
		throw new UsageError(
			`Unknown ${provider} event "${values.event}". Known: ${events.join(', ')}`,
		);
	}
	if (!values.url)
		throw new UsageError('--url is required (the webhook URL n8n shows on the trigger node)');
	try {
		new URL(values.url);
	} catch {
		throw new UsageError(`--url is not a URL: "${values.url}"`);
	}
	const timestamp = values.timestamp === undefined ? undefined : Number(values.timestamp);
	if (timestamp !== undefined && !Number.isInteger(timestamp)) {
		throw new UsageError('--timestamp takes Unix seconds, e.g. 1717243200');
	}
	return {
		kind: 'send',
		provider,
		event: values.event,
		url: values.url,
		dryRun: values['dry-run'] ?? false,
		options: {
			secret: values.secret,
			headerName: values.header,
			secretInQuery: values['query-token'],
			messageId: values['message-id'],
			timestamp,
			method: oneOf('method', values.method?.toUpperCase(), ['GET', 'POST'] as const),
			casing: oneOf('casing', values.casing, ['upper', 'lower'] as const),
			overrides: values.override
				? Object.fromEntries(values.override.map(parseOverride))
				: undefined,
		},
	};
}

/** The key a provider was named by: its key, or one of its aliases (`lml`). */
function keyOf(providers: Providers, name: string | undefined): string | undefined {
	return providers.find((each) => each.aliases?.includes(name ?? '') ?? false)?.key ?? name;
}

function providerOf(providers: Providers, key: string): AnyTestProvider {
	return providers.find((each) => each.key === key)!;
}

export function listEvents(providers: Providers = TEST_PROVIDERS): string {
	return providers
		.map(({ key, samples, signer }) => {
			const events = samples.events.length
				? samples.events.map((event) => `  ${event}`).join('\n')
				: '  (no events yet)';
			return `${key} (${signer.proof}):\n${events}`;
		})
		.join('\n\n');
}

function describeRequest(url: string, delivery: Delivery): string {
	const target = new URL(url);
	for (const [key, value] of Object.entries(delivery.query)) target.searchParams.set(key, value);
	const headers = Object.entries(delivery.headers).map(([name, value]) => `${name}: ${value}`);
	return [`${delivery.method} ${target.toString()}`, ...headers, '', delivery.body].join('\n');
}

function formatBody(body: unknown): string {
	return typeof body === 'string' ? body : JSON.stringify(body, null, 2);
}

/** Runs a command; returns the process exit code (0 when the webhook answered 2xx). */
export async function main(
	argv: string[],
	write: (text: string) => void,
	providers: Providers = TEST_PROVIDERS,
): Promise<number> {
	let command: Command;
	try {
		command = parseCommand(argv, providers);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		write(`send-event: ${error.message}\n\n${USAGE}\n`);
		return 2;
	}
	if (command.kind === 'help') {
		write(`${USAGE}\n`);
		return 0;
	}
	if (command.kind === 'list') {
		write(`${listEvents(providers)}\n`);
		return 0;
	}
	const delivery = buildDelivery(
		providerOf(providers, command.provider),
		command.event,
		command.options,
	);
	if (command.dryRun) {
		write(`${describeRequest(command.url, delivery)}\n`);
		return 0;
	}
	try {
		const result = await deliver(command.url, delivery);
		write(`HTTP ${result.status}\n${formatBody(result.body)}\n`);
		return result.status >= 200 && result.status < 300 ? 0 : 1;
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause?.code;
		write(
			`send-event: could not reach ${command.url}${cause ? ` (${cause})` : ''}: ${(error as Error).message}\n`,
		);
		return 1;
	}
}

if (require.main === module) {
	void main(process.argv.slice(2), (text) => process.stdout.write(text)).then((code) => {
		process.exitCode = code;
	});
}
