import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import {
	additionalFieldsProperty,
	menuParameter,
	requiredText,
} from '../../../shared/actions/parameters';
import { callApi } from '../../../shared/transport/api';
import { junction } from '../../provider';
import { listOf } from '../orderFields';
import { addressProperty, dateOnly, readAddress } from '../patient';
import { appointmentTypeOf, appointmentTypeProperty } from './appointmentType';

const psc = { displayOptions: { show: { appointmentType: ['psc'] } } };
const pscBy = (by: string) => ({
	displayOptions: { show: { appointmentType: ['psc'], pscLocation: [by] } },
});

/** Junction lets a PSC search name at most 3 site codes. */
export const MAX_SITE_CODES = 3;

/**
 * One item per time slot, with its day; a walk-in slot also names its center (`site`: code, name,
 * distance, address), kept apart from the patient fields Patient Details leaves out.
 */
export function slotItems(body: IDataObject | undefined): IDataObject[] {
	const days = Array.isArray(body?.slots) ? (body!.slots as IDataObject[]) : [];
	return days.flatMap((day) => {
		const location = day.location as IDataObject | null | undefined;
		const address = (location?.address ?? {}) as IDataObject;
		const point = (location?.location ?? {}) as IDataObject;
		const site = location
			? {
					code: location.code,
					name: location.name,
					distance: location.distance ?? null,
					first_line: address.first_line,
					second_line: address.second_line ?? null,
					city: address.city,
					state: address.state,
					zip_code: address.zip_code,
					lat: point.lat,
					lng: point.lng,
				}
			: null;
		const slots = Array.isArray(day.slots) ? (day.slots as IDataObject[]) : [];
		return slots.map((slot) => ({
			date: day.date,
			...slot,
			timezone: location?.iana_timezone ?? body?.timezone ?? null,
			site,
		}));
	});
}

function pscQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const qs: IDataObject = { lab: context.getNodeParameter('lab', itemIndex) };
	if (context.getNodeParameter('pscLocation', itemIndex) === 'zip') {
		qs.zip_code = requiredText(context, 'zipCode', 'ZIP Code', itemIndex);
		qs.radius = context.getNodeParameter('radius', itemIndex);
	} else {
		const codes = listOf(context.getNodeParameter('siteCodes', itemIndex, ''));
		if (codes.length === 0 || codes.length > MAX_SITE_CODES) {
			throw new NodeOperationError(
				context.getNode(),
				`Site Codes must name 1 to ${MAX_SITE_CODES} centers`,
				{
					description: `Junction searches at most ${MAX_SITE_CODES} site codes at once; got ${codes.length}.`,
					itemIndex,
				},
			);
		}
		qs.site_codes = codes;
	}
	return qs;
}

export default defineOperation({
	name: 'Get Availability',
	value: 'getAvailability',
	action: 'Get appointment availability',
	description:
		'List the free time slots, one item per slot with its booking_key for Book: at an address (at-home phlebotomy) or at patient service centers near a ZIP code or by site code (walk-in). No slots, no items.',
	properties: [
		appointmentTypeProperty,
		{
			...addressProperty(
				'visit',
				'visitAddress',
				'Address',
				'Where the phlebotomist would visit (US only)',
			),
			displayOptions: { show: { appointmentType: ['phlebotomy'] } },
		},
		{
			...menuParameter({ displayName: 'Lab', name: 'lab', default: 'quest' }, [
				['Quest Diagnostics', 'quest'],
				['Sonora Quest', 'sonora_quest'],
			]),
			...psc,
		},
		{
			...menuParameter({ displayName: 'Find Centers By', name: 'pscLocation', default: 'zip' }, [
				['ZIP Code', 'zip', 'Centers within a radius of a ZIP code'],
				['Site Codes', 'sites', `Up to ${MAX_SITE_CODES} centers by their site code`],
			]),
			...psc,
		},
		{
			displayName: 'ZIP Code',
			name: 'zipCode',
			type: 'string',
			default: '',
			required: true,
			placeholder: '85004',
			...pscBy('zip'),
		},
		{
			...menuParameter({ displayName: 'Radius (Miles)', name: 'radius', default: '25' }, [
				['10', '10'],
				['20', '20'],
				['25', '25'],
				['50', '50'],
				['100', '100'],
			]),
			...pscBy('zip'),
		},
		{
			displayName: 'Site Codes',
			name: 'siteCodes',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Q1234, Q5678',
			description: `Up to ${MAX_SITE_CODES} site codes, separated by commas`,
			...pscBy('sites'),
		},
		additionalFieldsProperty([
			{
				displayName: 'Start Date',
				name: 'start_date',
				type: 'dateTime',
				default: '',
				description: 'First day to look at (today or later); empty means today',
			},
			{
				displayName: 'Allow Cached Slots',
				name: 'allow_stale',
				type: 'boolean',
				default: false,
				description:
					'Whether Junction may answer from its cache (up to 15 minutes old, faster); walk-in only',
			},
		]),
	],
	async execute(itemIndex) {
		const type = appointmentTypeOf(this, itemIndex);
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const start = String(fields.start_date ?? '').trim();
		const startDate = start ? { start_date: dateOnly(this, start, 'Start Date', itemIndex) } : {};
		if (type === 'phlebotomy') {
			const address = readAddress(this, itemIndex, 'visit', 'visitAddress', 'Address');
			const { body } = await callApi<IDataObject>(
				this,
				junction,
				{
					method: 'POST',
					path: '/v3/order/phlebotomy/appointment/availability',
					qs: startDate,
					body: address,
				},
				itemIndex,
			);
			return toItems(slotItems(body));
		}
		const qs = {
			...pscQuery(this, itemIndex),
			...startDate,
			...(fields.allow_stale ? { allow_stale: true } : {}),
		};
		// The spec documents 404 here as "no slots found".
		const { statusCode, body } = await callApi<IDataObject>(
			this,
			junction,
			{ method: 'POST', path: '/v3/order/psc/appointment/availability', qs, returnStatuses: [404] },
			itemIndex,
		);
		return statusCode === 404 ? [] : toItems(slotItems(body));
	},
});
