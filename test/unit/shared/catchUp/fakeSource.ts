import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { changeId } from '../../../../nodes/shared/catchUp/keys';
import { catchUpSettings, type CatchUpSettings } from '../../../../nodes/shared/catchUp/settings';
import type { AnyCatchUpSource, Change } from '../../../../nodes/shared/catchUp/source';
import type { LabProvider } from '../../../../nodes/shared/provider';
import type { Enrichment } from '../../../../nodes/shared/trigger/source';
import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';

/**
 * A minimal catch-up source for the shared catch-up code's unit tests: one event, `result.ready`,
 * whose payload needs a string `resultId`; Fetch Full Data adds `{ extra: 'fetched' }` and counts.
 */
export const fakeProvider: LabProvider = {
	key: 'fakeLab',
	providerName: 'Fake Lab',
	credentialType: 'fakeLabApi',
	baseUrl: () => 'http://127.0.0.1:1',
	authenticationHint: 'Check the fake key',
	patientFields: [],
};

export interface FakeSource extends AnyCatchUpSource {
	enrichCalls: number;
}

export function fakeSource(options: { enrich?: boolean; latest?: Change } = {}): FakeSource {
	const source: FakeSource = {
		enrichCalls: 0,
		eventSource: {
			provider: fakeProvider,
			schemas: { 'result.ready': z.object({ resultId: z.string() }) },
			identify: (_event: string, payload: IDataObject) => ({
				resultId: payload.resultId,
				from: 'identify',
			}),
			describe: (parsed: { data: { resultId: string } }) => {
				if (parsed.data.resultId === 'explodes') throw new Error('describe failed');
				return { resultId: parsed.data.resultId, from: 'describe' };
			},
			...(options.enrich === false
				? {}
				: {
						enrich: async (): Promise<Enrichment> => {
							source.enrichCalls++;
							return { json: { extra: 'fetched' } };
						},
					}),
		},
		events: {},
		reads: 'nothing',
		baseline: async () => {
			throw new Error('not used');
		},
		round: async () => {
			throw new Error('not used');
		},
		latest: async () => options.latest,
	};
	return source;
}

/** A change of `record` with a valid payload for result `resultId`; its id is fakeId(resultId). */
export function fakeChange(record: string, resultId: string): Change {
	return { record, event: 'result.ready', id: fakeId(resultId), payload: { resultId } };
}

/** The change id of result `resultId` being ready. */
export function fakeId(resultId: string): string {
	return changeId('fakeLab', ['result.ready', resultId]);
}

/** The moment the shared catch-up tests run at (Unix seconds). */
export const NOW = Date.parse('2025-03-04T05:06:00.000Z') / 1000;

/** Each test of the file starts at NOW on jest's clock, with this process remembering nothing. */
export function freshProcessAtNow(): void {
	beforeEach(() => {
		forgetProcessMemory();
		jest.useFakeTimers({ now: NOW * 1000 });
	});
	afterEach(() => {
		jest.restoreAllMocks();
		jest.useRealTimers();
		forgetProcessMemory();
	});
}

/** The settings a round reads from these node parameters; an absent one takes the code's fallback. */
export function settingsFrom(parameters: Record<string, unknown>): CatchUpSettings {
	const context = {
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
	} as unknown as ITriggerFunctions;
	return catchUpSettings(context);
}
