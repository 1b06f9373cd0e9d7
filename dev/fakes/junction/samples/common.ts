/** What every Junction sample shares: the ids, the patient, the clock and how overrides are read. */
export interface JunctionSampleIds {
	orderId: string;
	userId: string;
	clientUserId: string;
	teamId: string;
	sampleId: string;
	appointmentId: string;
	labTestId: string;
	orderTransactionId: string;
	redrawOrderId: string;
	unmatchedResultId: string;
	parsingJobId: string;
	payloadHost: string;
}

export const JUNCTION_SAMPLE_IDS: JunctionSampleIds = {
	orderId: 'e1c380c1-7df4-487f-869e-f1be0193ca25',
	userId: 'f6cdf185-6815-4b2b-9482-798b75168689',
	// Junction documents a ULID here: any string the customer chose, not a UUID.
	clientUserId: '01J5ZQ0KXG6V4W9B8N3M2P1RTY',
	teamId: 'f07f59d2-2903-4bcd-a2ac-3e87fa47c4bc',
	sampleId: 'SMP-20260803-0042',
	appointmentId: '7b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
	labTestId: '0cb9f34f-c3df-4a13-8ca1-19429a82611b',
	orderTransactionId: 'd2e3f4a5-b6c7-4d8e-9f01-a2b3c4d5e6f7',
	redrawOrderId: 'e1c380c1-7df4-487f-869e-f1be0193ca26',
	unmatchedResultId: 'c4a1e2f3-0b9d-4c8e-a7f6-5d4c3b2a1908',
	parsingJobId: 'b7e6d5c4-a3b2-4c1d-9e8f-7a6b5c4d3e2f',
	payloadHost: 'https://storage.googleapis.com',
};

/** The patient every sample is about: nobody real. */
export const JUNCTION_SAMPLE_PATIENT = {
	first_name: 'Testy',
	last_name: 'McTestface',
	dob: '1970-01-01',
	gender: 'other',
	phone_number: '+15555550123',
	email: 'testy.mctestface@example.com',
};

export const JUNCTION_SAMPLE_ADDRESS = {
	receiver_name: 'Testy McTestface',
	first_line: '123 Example Street',
	second_line: 'Apt 4',
	city: 'Phoenix',
	state: 'AZ',
	zip: '85004',
	country: 'US',
	phone_number: '+15555550123',
};

export function timestamp(step: number): string {
	return new Date(Date.UTC(2026, 7, 3, 9, 0, 0) + step * 3_600_000)
		.toISOString()
		.replace('Z', '+00:00');
}

export type Overrides = Record<string, unknown>;

export function text(overrides: Overrides, key: string, fallback: string): string {
	return typeof overrides[key] === 'string' ? (overrides[key] as string) : fallback;
}

/** The sample ids, with those `overrides` names replaced. */
export function idsOf(overrides: Overrides): JunctionSampleIds {
	return { ...JUNCTION_SAMPLE_IDS, ...overrides } as JunctionSampleIds;
}
