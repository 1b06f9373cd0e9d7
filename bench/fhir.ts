import { resultSamples } from '../dev/fakes/resultSamples';
import { lmlFhirRecord } from '../nodes/LondonMedicalLaboratory/fhir';
import { fhirBundles, type FhirOptions } from '../nodes/shared/fhir/bundle';
import { LML_RESULT_REGISTRATIONS } from '../dev/fakes/londonMedicalLaboratory/api';
import { formatNumber, median, opsPerSecond, table } from './stats';

/**
 * The FHIR output's cost: results sets per second turned into bundles for LML's 60-marker panel, as one
 * collection, one transaction and transactions of 8, in process (no n8n, no server).
 */
export interface FhirBenchResult {
	variant: string;
	bundlesPerResult: number;
	resultsPerSecond: number;
	bundlesPerSecond: number;
	microsecondsPerResult: number;
}

const VARIANTS: Array<[string, FhirOptions]> = [
	['collection', { bundleType: 'collection', maxEntries: 0, includePatientDetails: false }],
	['transaction', { bundleType: 'transaction', maxEntries: 0, includePatientDetails: false }],
	['transactions of 8', { bundleType: 'transaction', maxEntries: 8, includePatientDetails: false }],
];

export function benchmarkFhir(rounds: number): FhirBenchResult[] {
	const panel = resultSamples().find(
		(sample) => sample.name === 'londonMedicalLaboratory/full-panel-60',
	)!;
	const record = lmlFhirRecord(LML_RESULT_REGISTRATIONS.fullPanel);
	return VARIANTS.map(([variant, options]) => {
		const bundlesPerResult = fhirBundles(panel.results, record, options).length;
		const perSecond = median(
			Array.from({ length: rounds }, () =>
				opsPerSecond(() => fhirBundles(panel.results, record, options)),
			),
		);
		return {
			variant,
			bundlesPerResult,
			resultsPerSecond: perSecond,
			bundlesPerSecond: perSecond * bundlesPerResult,
			microsecondsPerResult: 1e6 / perSecond,
		};
	});
}

export function printFhir(results: FhirBenchResult[]): string {
	return `FHIR R4 output, LML 60-marker panel (median of rounds)\n${table(
		['Bundle type', 'Bundles per results set', 'Results sets/s', 'Bundles/s', 'µs per results set'],
		results.map((result) => [
			result.variant,
			result.bundlesPerResult,
			formatNumber(result.resultsPerSecond),
			formatNumber(result.bundlesPerSecond),
			formatNumber(result.microsecondsPerResult, 1),
		]),
	)}`;
}
