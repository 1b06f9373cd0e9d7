import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Junction } from '../../../nodes/Junction/Junction.node';
import { executeContext, type ExecuteContextOptions } from '../../support/contexts';
import {
	createJunctionFake,
	JUNCTION_FAKE_KEY,
	junctionFakeData,
	type JunctionFake,
} from '../../../dev/fakes/junction/api';
import {
	JUNCTION_SAMPLE_ADDRESS,
	JUNCTION_SAMPLE_IDS,
	JUNCTION_SAMPLE_PATIENT,
} from '../../../dev/fakes/junction/samples';

/**
 * The Junction node's write operations against the fake Junction API over real HTTP: one fake per
 * test file (started and stopped by `useJunctionFake`), the node run as n8n would for its items.
 */
const node = new Junction();

export function useJunctionFake(): { fake: JunctionFake } {
	const holder = { fake: createJunctionFake(junctionFakeData({ orders: 40, labTests: 60 })) };
	beforeAll(async () => {
		await holder.fake.start();
	});
	afterAll(async () => {
		await holder.fake.stop();
	});
	beforeEach(() => holder.fake.reset());
	return holder;
}

export interface RunOptions
	extends Partial<Omit<ExecuteContextOptions, 'parameters' | 'credentials'>> {
	apiKey?: string;
}

/** Runs the node with `parameters` (one set for all items, or one per item). */
export async function runJunction(
	fake: JunctionFake,
	parameters: IDataObject | IDataObject[],
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const context = executeContext({
		parameters,
		credentials: {
			junctionApi: {
				apiKey: options.apiKey ?? JUNCTION_FAKE_KEY,
				environment: 'custom',
				baseUrl: fake.url,
			},
		},
		...options,
	});
	const [items] = await node.execute.call(context);
	return items;
}

/** The error a run throws (or a clear failure when it does not). */
export async function failureOf(
	fake: JunctionFake,
	parameters: IDataObject,
	options: RunOptions = {},
): Promise<Error & { description?: string }> {
	try {
		await runJunction(fake, parameters, options);
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error('The run did not fail');
}

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);

export const requestsTo = (fake: JunctionFake, method: string, path: string) =>
	fake.requests.filter((request) => request.method === method && request.path === path);

export const bodyOf = (request: { body: string }) => JSON.parse(request.body) as IDataObject;

export const ids = JUNCTION_SAMPLE_IDS;

/** The Patient and Patient Address groups as the editor saves them. */
export const patientGroup = { values: { ...JUNCTION_SAMPLE_PATIENT } };
export const addressGroup = { values: { ...JUNCTION_SAMPLE_ADDRESS } };

export const byId = (value: string) => ({ mode: 'id', value });
export const fromList = (value: string) => ({ mode: 'list', value });

/** Order › Create with the sample user, lab test and patient; `overrides` replace any of them. */
export function createOrderParameters(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'order',
		operation: 'create',
		user: byId(ids.userId),
		labTest: fromList(ids.labTestId),
		collectionMethod: 'testkit',
		patientSource: 'fields',
		patient: patientGroup,
		patientAddress: addressGroup,
		additionalFields: {},
		options: {},
		...overrides,
	};
}

/** A Shipping Address group for a registrable kit (every field the spec requires). */
export const shippingGroup = {
	values: {
		receiver_name: 'Front Desk Example Clinic',
		first_line: JUNCTION_SAMPLE_ADDRESS.first_line,
		city: JUNCTION_SAMPLE_ADDRESS.city,
		state: JUNCTION_SAMPLE_ADDRESS.state,
		zip: JUNCTION_SAMPLE_ADDRESS.zip,
		country: 'US',
		phone_number: '+15555550100',
	},
};

/** An order for an appointment: at-home phlebotomy or walk-in, ready to book (requisition created). */
export async function orderToBook(fake: JunctionFake, type: 'phlebotomy' | 'psc'): Promise<string> {
	const [item] = await runJunction(
		fake,
		createOrderParameters({
			collectionMethod: type === 'psc' ? 'walk_in_test' : 'at_home_phlebotomy',
			options: { idempotencyKey: `appointment-test-${Math.random()}` },
		}),
	);
	return String((item.json.order as IDataObject).id);
}

/** A booking key of the first slot Get Availability offers. */
export async function firstSlot(fake: JunctionFake, type: 'phlebotomy' | 'psc'): Promise<string> {
	const [slot] = await runJunction(fake, availabilityParameters(type));
	return String(slot.json.booking_key);
}

export function availabilityParameters(
	type: 'phlebotomy' | 'psc',
	more: IDataObject = {},
): IDataObject {
	return {
		resource: 'appointment',
		operation: 'getAvailability',
		appointmentType: type,
		visitAddress: {
			values: {
				first_line: JUNCTION_SAMPLE_ADDRESS.first_line,
				city: JUNCTION_SAMPLE_ADDRESS.city,
				state: JUNCTION_SAMPLE_ADDRESS.state,
				zip_code: JUNCTION_SAMPLE_ADDRESS.zip,
			},
		},
		lab: 'quest',
		pscLocation: 'zip',
		zipCode: '85004',
		radius: '25',
		additionalFields: {},
		...more,
	};
}
