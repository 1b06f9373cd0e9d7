import { FakeServer } from '../fakeServer';
import { createHurdleFake } from './hurdle';
import { createJunctionFake } from './junction';
import { createLmlFake } from './lml';

/** Every provider's fake API, started together for the e2e suite, the demo and the benchmarks. */
export interface RunningFakes {
	lml: FakeServer;
	hurdle: FakeServer;
	junction: FakeServer;
	/** A server standing in for a host named in a payload: it must never receive a request. */
	payloadHost: FakeServer;
}

export async function startFakes(ports: Partial<Record<keyof RunningFakes, number>> = {}): Promise<RunningFakes> {
	const fakes: RunningFakes = {
		lml: createLmlFake(),
		hurdle: createHurdleFake(),
		junction: createJunctionFake(),
		payloadHost: new FakeServer(),
	};
	for (const [name, server] of Object.entries(fakes) as Array<[keyof RunningFakes, FakeServer]>) {
		await server.start(ports[name] ?? 0);
	}
	return fakes;
}

export async function stopFakes(fakes: RunningFakes): Promise<void> {
	await Promise.all(Object.values(fakes).map(async (server: FakeServer) => await server.stop()));
}
