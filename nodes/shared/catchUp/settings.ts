import type { IExecuteFunctions, ITriggerFunctions } from 'n8n-workflow';

import type { PatientDataMode } from '../privacy';
import { ALL_EVENTS } from '../trigger/source';
import type { CatchUpOptions } from './source';

export const DEFAULT_ROUND_BUDGET_SECONDS = 30;
export const DEFAULT_MAX_CHANGES_PER_ROUND = 500;
/** n8n's default execution pruning age: a change is remembered at least as long as its execution key. */
export const DEFAULT_CHANGE_WINDOW_HOURS = 336;
export const DEFAULT_SNAPSHOT_SIZE = 5000;
export const CHANGE_MEMORY = 20_000;

/** The node's parameters, read once per round. */
export interface CatchUpSettings {
	interval: number;
	unit: 'seconds' | 'minutes' | 'hours';
	budgetSeconds: number;
	maxChangesPerRound: number;
	duplicateWindowSeconds: number;
	startFrom?: number;
	patientData: PatientDataMode;
	options: CatchUpOptions;
	selects(event: string): boolean;
}

const LIMITS = { seconds: [10, 59], minutes: [1, 59], hours: [1, 23] } as const;

export function catchUpSettings(context: ITriggerFunctions | IExecuteFunctions): CatchUpSettings {
	const options = context.getNodeParameter('options', {}) as CatchUpOptions;
	const unit = context.getNodeParameter('unit', 'minutes') as CatchUpSettings['unit'];
	const [low, high] = LIMITS[unit] ?? LIMITS.minutes;
	const interval = Math.min(
		high,
		Math.max(low, Math.round(context.getNodeParameter('interval', 5) as number)),
	);
	const events = context.getNodeParameter('events', [ALL_EVENTS]) as string[];
	const startFrom = options.startFrom ? Date.parse(options.startFrom) : undefined;
	return {
		interval,
		unit,
		budgetSeconds: options.roundBudgetSeconds ?? DEFAULT_ROUND_BUDGET_SECONDS,
		maxChangesPerRound: options.maxChangesPerRound ?? DEFAULT_MAX_CHANGES_PER_ROUND,
		duplicateWindowSeconds: Math.round(
			(options.duplicateWindowHours ?? DEFAULT_CHANGE_WINDOW_HOURS) * 3600,
		),
		startFrom: startFrom !== undefined && Number.isFinite(startFrom) ? startFrom : undefined,
		patientData: context.getNodeParameter('patientData', 'leaveOut') as PatientDataMode,
		options,
		selects: (event) => events.includes(ALL_EVENTS) || events.includes(event),
	};
}
