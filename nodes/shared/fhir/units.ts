import { ownEntry } from '../values';
import { UCUM } from './systems';
import type { SimpleQuantity } from './types';

/**
 * Lab unit strings as the providers write them, to UCUM. Looked up case-insensitively with micro signs
 * read as "u" and spaces dropped ("µmol/L", "umol/l" and "μmol / L" are one unit). A unit not here is
 * sent as the lab wrote it with no UCUM code: never a guess. The unit tests check every code with the
 * UCUM reference library.
 */
const UCUM_CODES: Record<string, string> = {
	'%': '%',
	'/hpf': '/[HPF]',
	'/lpf': '/[LPF]',
	'/ul': '/uL',
	'10*3/ul': '10*3/uL',
	'10*9/l': '10*9/L',
	'10*12/l': '10*12/L',
	'10^9/l': '10*9/L',
	'10^12/l': '10*12/L',
	'cells/ul': '{cells}/uL',
	fl: 'fL',
	'g/dl': 'g/dL',
	'g/l': 'g/L',
	'iu/l': '[IU]/L',
	'iu/ml': '[IU]/mL',
	'ku/l': 'kU/L',
	'l/l': 'L/L',
	'meq/l': 'meq/L',
	'mg/dl': 'mg/dL',
	'mg/l': 'mg/L',
	'mg/mmol': 'mg/mmol',
	'miu/l': 'm[IU]/L',
	'miu/ml': 'm[IU]/mL',
	'ml/min/1.73m2': 'mL/min/{1.73_m2}',
	'ml/min/1.73m^2': 'mL/min/{1.73_m2}',
	'mm/h': 'mm/h',
	'mm/hr': 'mm/h',
	'mmol/l': 'mmol/L',
	'mmol/mol': 'mmol/mol',
	'mu/l': 'mU/L',
	'ng/dl': 'ng/dL',
	'ng/l': 'ng/L',
	'ng/ml': 'ng/mL',
	'nmol/l': 'nmol/L',
	pg: 'pg',
	'pg/ml': 'pg/mL',
	'pmol/l': 'pmol/L',
	ratio: '{ratio}',
	'u/l': 'U/L',
	'u/ml': 'U/mL',
	'ug/dl': 'ug/dL',
	'ug/l': 'ug/L',
	'ug/ml': 'ug/mL',
	'uiu/ml': 'u[IU]/mL',
	'umol/l': 'umol/L',
	'umol/mol': 'umol/mol',
	'x10^9/l': '10*9/L',
	'x10^12/l': '10*12/L',
	'x10e9/l': '10*9/L',
	'x10e12/l': '10*12/L',
	'×10^9/l': '10*9/L',
	'×10^12/l': '10*12/L',
};

function lookupKey(unit: string): string {
	return unit.replace(/[µμ]/g, 'u').replace(/\s+/g, '').toLowerCase();
}

/** The UCUM code of a lab's unit string, or undefined when it has none here. */
export function ucumCode(unit: string): string | undefined {
	return ownEntry(UCUM_CODES, lookupKey(unit));
}

/** The units this module maps, for the tests that check every one of them. */
export function mappedUcumCodes(): string[] {
	return [...new Set(Object.values(UCUM_CODES))];
}

/** A quantity with the lab's unit string and, where it maps, the UCUM code. */
export function quantity(value: number, unit: string | null): SimpleQuantity {
	if (!unit) return { value };
	const code = ucumCode(unit);
	return code ? { value, unit, system: UCUM, code } : { value, unit };
}
