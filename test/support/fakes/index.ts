import { CaptureServer } from '../capture';
import { FakeServer } from '../fakeServer';
import { createHurdleFake } from '../providers/hurdle/fake';
import { createJunctionFake } from '../providers/junction/fake';
import {
	createJunctionManagementFake,
	type JunctionManagementFake,
} from '../providers/junction/managementFake';
import { createLmlFake } from '../providers/londonMedicalLaboratory/fake';

/** Every provider's fake API, started together for the e2e suite, the demo and the benchmarks. */
export interface RunningFakes {
	lml: FakeServer;
	hurdle: FakeServer;
	junction: FakeServer;
	/** Junction's Management API (webhook endpoints), for the trigger's automatic webhook setup. */
	junctionManagement: JunctionManagementFake;
	/** A server standing in for a host named in a payload: it must never receive a request. */
	payloadHost: FakeServer;
	/** The example workflows' own fakes, so their calls never mix with a provider test's request log. */
	exampleLml: FakeServer;
	exampleHurdle: FakeServer;
	exampleJunction: FakeServer;
	/** Where the example workflows' chat messages and emails land. */
	capture: CaptureServer;
}

export async function startFakes(
	ports: Partial<Record<Exclude<keyof RunningFakes, 'capture'>, number>> = {},
): Promise<RunningFakes> {
	const fakes: RunningFakes = {
		lml: createLmlFake(),
		hurdle: createHurdleFake(),
		junction: createJunctionFake(),
		junctionManagement: createJunctionManagementFake(),
		payloadHost: new FakeServer(),
		exampleLml: createLmlFake(),
		exampleHurdle: createHurdleFake(),
		exampleJunction: createJunctionFake(),
		capture: new CaptureServer(),
	};
	for (const name of [
		'lml',
		'hurdle',
		'junction',
		'junctionManagement',
		'payloadHost',
		'exampleLml',
		'exampleHurdle',
		'exampleJunction',
	] as const) {
		await fakes[name].start(ports[name] ?? 0);
	}
	await fakes.capture.start();
	return fakes;
}

export async function stopFakes(fakes: RunningFakes): Promise<void> {
	await Promise.all(
		Object.values(fakes).map(async (server: FakeServer | CaptureServer) => await server.stop()),
	);
}
