import type { INodeProperties } from 'n8n-workflow';

import { menuParameter, type MenuEntry } from '../../../shared/actions/parameters';
import { ownEntry } from '../../../shared/values';

/**
 * What a user enters for a patient, read into what LML's docs specify. Where LML's newer docs and its
 * SDK disagree, the node accepts the spellings of both and sends the documented one.
 */

export type Gender = 'male' | 'female' | 'other';

/** Spellings accepted for each documented gender, lower case; `non_binary` and `prefer_not_to_say` are the SDK's. */
const GENDER_SPELLINGS: Record<string, Gender> = {
	male: 'male',
	m: 'male',
	man: 'male',
	female: 'female',
	f: 'female',
	woman: 'female',
	other: 'other',
	o: 'other',
	non_binary: 'other',
	'non-binary': 'other',
	nonbinary: 'other',
	prefer_not_to_say: 'other',
	'prefer not to say': 'other',
};

/** LML's documented gender for what was entered, or undefined if it is not one it knows. */
export function genderOf(value: unknown): Gender | undefined {
	return ownEntry(
		GENDER_SPELLINGS,
		String(value ?? '')
			.trim()
			.toLowerCase(),
	);
}

export const genderProperty = menuParameter(
	{
		displayName: 'Gender',
		name: 'gender',
		default: 'female',
		required: true,
		description:
			"As LML's docs list it. From an expression, m/f and the SDK's non_binary and prefer_not_to_say are accepted too (the last two are sent as other).",
	},
	[
		['Female', 'female'],
		['Male', 'male'],
		['Other', 'other'],
	],
);

function isRealDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/**
 * A date of birth as LML takes it (`YYYY-MM-DD`), from `YYYY-MM-DD`, an ISO date-time (its date part),
 * or the UK's `DD/MM/YYYY`; undefined if it is none of these or not a real date.
 */
export function dateOfBirthOf(value: unknown): string | undefined {
	const text = String(value ?? '').trim();
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
	const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
	const [year, month, day] = iso
		? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
		: uk
			? [Number(uk[3]), Number(uk[2]), Number(uk[1])]
			: [NaN, NaN, NaN];
	if (!isRealDate(year, month, day)) return undefined;
	return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Enough of an email address for LML's "valid email": something@domain.tld, no spaces. */
export function isEmail(value: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** A phone number with the spaces, dashes, dots and brackets people type taken out. */
export function phoneNumberOf(value: unknown): string {
	return String(value ?? '').replace(/[\s().-]/g, '');
}

const ETHNICITIES: MenuEntry[] = [
	['Asian: Bangladeshi', 'asian_bangladeshi'],
	['Asian: Chinese', 'asian_chinese'],
	['Asian: Indian', 'asian_indian'],
	['Asian: Other', 'asian_other'],
	['Asian: Pakistani', 'asian_pakistani'],
	['Black: African', 'black_african'],
	['Black: Caribbean', 'black_caribbean'],
	['Black: Other', 'black_other'],
	['Mixed: Other', 'mixed_other'],
	['Mixed: White and Asian', 'mixed_white_and_asian'],
	['Mixed: White and Black African', 'mixed_white_and_black_african'],
	['Mixed: White and Black Caribbean', 'mixed_white_and_black_caribbean'],
	['Other: Arab', 'other_arab'],
	['Other: Not Stated', 'other_undefined'],
	['White: English, Welsh, Scottish, Northern Irish or British', 'white_english'],
	['White: Gypsy or Irish Traveller', 'white_gypsy'],
	['White: Irish', 'white_irish'],
	['White: Other', 'white_other'],
];

export const ETHNICITY_CODES = ETHNICITIES.map(([, value]) => String(value));

export const ethnicityProperty: INodeProperties = menuParameter(
	{
		displayName: 'Ethnicity',
		name: 'ethnicity',
		default: 'other_undefined',
		description: "LML's ethnicity codes (from its SDK and older docs)",
	},
	ETHNICITIES,
);
