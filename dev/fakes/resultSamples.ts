import type { IDataObject } from 'n8n-workflow';

import { hurdleResults } from '../../nodes/Hurdle/results';
import { junctionResults, parsedReportResults } from '../../nodes/Junction/results';
import { lmlResults } from '../../nodes/LondonMedicalLaboratory/results';
import type { LabResults, ReadyResults } from '../../nodes/shared/results';
import {
	HURDLE_RATE_LIMITED_TEST,
	HURDLE_RESULT_TESTS,
	hurdleFakeData,
	type HurdleFakeData,
} from './hurdle/api';
import { HURDLE_SAMPLE_IDS } from './hurdle/samples';
import type { ProviderKey } from './index';
import {
	JUNCTION_FAKE_ORDERS,
	JUNCTION_FAKE_TRANSACTIONS,
	JUNCTION_RESULT_ORDERS,
	junctionFakeData,
	type JunctionFakeData,
} from './junction/api';
import { JUNCTION_SAMPLE_IDS } from './junction/samples';
import {
	LML_RESULT_REGISTRATIONS,
	lmlFakeData,
	type LmlFakeData,
} from './londonMedicalLaboratory/api';
import { LML_SAMPLE_IDS } from './londonMedicalLaboratory/samples';

/**
 * Every results set the fake APIs serve, for every provider: what the API answers and what the
 * provider's own mapper makes of it. Tests and renderers (FHIR, HTML, Slack) run over all of them;
 * `resultSamplePath` says where the fake serves each, for the e2e tests and the demo.
 */
export interface ResultSample {
	provider: ProviderKey;
	/** Stable: `<provider>/<what>`. */
	name: string;
	/** What it exercises. */
	description: string;
	/** What the fake API serves. */
	raw: unknown;
	/** The provider's own mapper's output (nodes/<Provider>/results.ts). */
	results: ReadyResults;
}

interface Served {
	sample: ResultSample;
	/** The fake API's path that answers `raw`. */
	path: string;
}

/** As a client reads it: the JSON the fake answers, parsed. */
function asServed<T extends IDataObject | IDataObject[]>(value: unknown): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

function ready(results: LabResults, name: string): ReadyResults {
	if (!results.ready) throw new Error(`The result sample ${name} has no results`);
	return results;
}

function lmlSamples(data: LmlFakeData): Served[] {
	const sample = (id: string, what: string, description: string): Served => {
		const raw = asServed<IDataObject[]>(data.labResults[id]);
		const name = `londonMedicalLaboratory/${what}`;
		return {
			sample: {
				provider: 'londonMedicalLaboratory',
				name,
				description,
				raw,
				results: lmlResults(raw),
			},
			path: `/api/test_registration/${id}/lab_results/`,
		};
	};
	return [
		sample(
			LML_SAMPLE_IDS.testRegistrationId,
			'thyroid-high-low',
			'TSH high (flagged by LML), Vitamin D low (from its range), Free T4 and Ferritin normal',
		),
		sample(
			LML_RESULT_REGISTRATIONS.qualitative,
			'qualitative-bounded',
			'Positive and negative booleans, a text value, "<0.6" and ">90", a comment-only marker, a marker without a range, and units that are not UCUM as written (mIU/L, µmol/L, x10^9/L, mL/min/1.73m2)',
		),
		sample(
			LML_RESULT_REGISTRATIONS.failed,
			'failed-markers',
			'Two markers the lab could not result (insufficient sample, haemolysed) beside a normal one',
		),
		sample(
			LML_RESULT_REGISTRATIONS.fullPanel,
			'full-panel-60',
			'A 60-marker health check: blood count, kidney, liver, lipids, iron, thyroid, hormones; some high and low, "<x" and ">x" values, a marker without a range',
		),
	];
}

function hurdleSamples(data: HurdleFakeData): Served[] {
	const sample = (id: string, what: string, description: string): Served => {
		const raw = asServed<IDataObject>(data.tests[id]);
		const name = `hurdle/${what}`;
		return {
			sample: {
				provider: 'hurdle',
				name,
				description,
				raw,
				results: ready(hurdleResults(raw), name),
			},
			path: `/tests/v2/${id}`,
		};
	};
	return [
		sample(
			HURDLE_SAMPLE_IDS.testId,
			'heart-health',
			'LDL high (flagged by Hurdle), HDL normal, HbA1c "<7.00", Ferritin low from its range with no flag from Hurdle',
		),
		sample(
			HURDLE_RATE_LIMITED_TEST,
			'single-marker',
			'One marker only; the fake answers the first request for it with 429 (Retry-After: 0)',
		),
		sample(
			HURDLE_RESULT_TESTS.textAndFailed,
			'text-and-failed',
			'">375" flagged high, "Quantity Not Sufficient", a marker without an interpretation rule, "Not Detected", a low percentage',
		),
	];
}

function junctionSamples(data: JunctionFakeData): Served[] {
	const order = (id: string, what: string, description: string): Served => {
		const raw = asServed<IDataObject>(data.results[id]);
		return {
			sample: {
				provider: 'junction',
				name: `junction/${what}`,
				description,
				raw,
				results: junctionResults(raw),
			},
			path: `/v3/order/${id}/result`,
		};
	};
	const combined = JUNCTION_FAKE_TRANSACTIONS.combined;
	const transactionResults = asServed<IDataObject>(data.transactions[combined].results);
	const parsingJob = asServed<IDataObject>(data.parsingJobs[JUNCTION_SAMPLE_IDS.parsingJobId]);
	return [
		order(
			JUNCTION_FAKE_ORDERS.completed,
			'critical',
			'Final, overall critical: a critical high potassium, LDL high, Vitamin D low, glucose normal, a comment result (HIV non-reactive), a "<4.0" range value; LOINC codes',
		),
		order(
			JUNCTION_FAKE_ORDERS.jsonInsteadOfPdf,
			'critical-without-pdf',
			'The critical results again, at an order whose PDF endpoints answer JSON instead of a file',
		),
		order(
			JUNCTION_FAKE_ORDERS.legacyResults,
			'legacy-partial',
			'Partial, in the legacy untyped-dict shape: one result object and one bare value, no LOINC',
		),
		order(
			JUNCTION_SAMPLE_IDS.redrawOrderId,
			'redraw',
			'The redraw order of the redraw story: the one marker the initial order was missing',
		),
		{
			sample: {
				provider: 'junction',
				name: 'junction/transaction-combined',
				description:
					"An order transaction's combined results: the initial order's markers and its redraw's",
				raw: transactionResults,
				results: junctionResults(transactionResults),
			},
			path: `/v3/order_transaction/${combined}/result`,
		},
		order(
			JUNCTION_RESULT_ORDERS.partial,
			'partial',
			'Partial: three markers released so far, one high, one with an upper bound only, one without LOINC',
		),
		order(
			JUNCTION_RESULT_ORDERS.unusualValues,
			'unusual-values',
			'Final: "Quantity Not Sufficient", no range, ">1650", a "0-5" range value, coded Not Detected and Positive, a critical low',
		),
		{
			sample: {
				provider: 'junction',
				name: 'junction/parsed-report',
				description:
					'A completed lab report parsing job: a LOINC-matched normal result, a high one awaiting LOINC review, a comment',
				raw: parsingJob,
				results: parsedReportResults(parsingJob),
			},
			path: `/lab_report/v1/parser/job/${JUNCTION_SAMPLE_IDS.parsingJobId}`,
		},
	];
}

function served(): Served[] {
	return [
		...lmlSamples(lmlFakeData()),
		...hurdleSamples(hurdleFakeData()),
		...junctionSamples(junctionFakeData()),
	];
}

/** Every results set the fakes serve, built afresh (callers may change them). */
export function resultSamples(): ResultSample[] {
	return served().map((each) => each.sample);
}

/** The path of the fake API that serves a sample's `raw`, by the sample's name. */
export function resultSamplePath(name: string): string {
	const found = served().find((each) => each.sample.name === name);
	if (!found) throw new Error(`No result sample "${name}"`);
	return found.path;
}
