import { FhirServer } from '../fhir/server';
import { CaptureServer } from './capture';
import { FakeServer } from './fakeServer';
import { TEST_PROVIDERS, type MoreFakeName, type ProviderKey } from './index';

/**
 * Every provider's fake API, started together for the e2e suite, the editor tests and the demo: one per
 * registered test provider (dev/fakes), by its key, and the further fakes a provider asks
 * for (Junction's Management API, for the trigger's automatic webhook setup), by their names.
 */
export type FakeName = ProviderKey | MoreFakeName | 'payloadHost';

export type RunningFakes = Record<FakeName, FakeServer> & {
	/** The example workflows' own fakes, by provider key, so their calls never mix with a provider test's request log. */
	examples: Record<ProviderKey, FakeServer>;
	/** Where the example workflows' chat messages and emails land. */
	capture: CaptureServer;
	/** A real FHIR R4 server, where the FHIR example files results. */
	fhir: FhirServer;
};

/** The fake API servers: all but the capture server. */
function fakeServers(fakes: RunningFakes): FakeServer[] {
	const servers = Object.entries(fakes)
		.filter(([name]) => name !== 'examples' && name !== 'capture' && name !== 'fhir')
		.map(([, server]) => server as FakeServer);
	return [...servers, ...Object.values(fakes.examples)];
}

export async function startFakes(): Promise<RunningFakes> {
	const fakes = {
		...Object.fromEntries(
			TEST_PROVIDERS.flatMap((provider) => [
				[provider.key, provider.createFake()],
				...Object.entries<() => FakeServer>(provider.moreFakes ?? {}).map(([name, create]) => [
					name,
					create(),
				]),
			]),
		),
		/** A server standing in for a host named in a payload: it must never receive a request. */
		payloadHost: new FakeServer(),
		examples: Object.fromEntries(
			TEST_PROVIDERS.map((provider) => [provider.key, provider.createFake()]),
		),
		capture: new CaptureServer(),
		fhir: new FhirServer(),
	} as RunningFakes;
	for (const server of fakeServers(fakes)) await server.start();
	await fakes.capture.start();
	await fakes.fhir.start();
	return fakes;
}

export async function stopFakes(fakes: RunningFakes): Promise<void> {
	await Promise.all(
		[...fakeServers(fakes), fakes.capture, fakes.fhir].map(
			async (server: FakeServer | CaptureServer | FhirServer) => await server.stop(),
		),
	);
}

/** Base URL of every fake API, by the same names as in `startFakes()`, and the capture server's SMTP port. */
export type FakeUrls = Record<FakeName, string> & {
	examples: Record<ProviderKey, string>;
	capture: string;
	captureSmtpPort: number;
	/** The FHIR server's base URL. */
	fhir: string;
};

export function fakeUrlsOf({ examples, capture, fhir, ...servers }: RunningFakes): FakeUrls {
	const urls = (named: Record<string, FakeServer>) =>
		Object.fromEntries(Object.entries(named).map(([name, server]) => [name, server.url]));
	return {
		...urls(servers),
		examples: urls(examples),
		capture: capture.url,
		captureSmtpPort: capture.smtpPort,
		fhir: fhir.baseUrl,
	} as FakeUrls;
}
