import type { IExecuteFunctions } from 'n8n-workflow';

import { menuParameter } from '../../../shared/actions/parameters';
import { apiPath } from '../../../shared/transport/api';

/**
 * At-home phlebotomy and walk-in visits to a patient service center (PSC) are two sets of endpoints
 * with the same operations; the Type picks the set. Values are the path segments.
 */
export type AppointmentType = 'phlebotomy' | 'psc';

export const appointmentTypeProperty = menuParameter(
	{
		displayName: 'Type',
		name: 'appointmentType',
		default: 'phlebotomy',
		description: 'Where the sample is drawn',
	},
	[
		[
			'At-Home Phlebotomy',
			'phlebotomy',
			'A phlebotomist visits the patient (orders with at-home phlebotomy)',
		],
		[
			'Walk-In (Patient Service Center)',
			'psc',
			"The patient visits a lab's patient service center (walk-in orders; Quest or Sonora Quest)",
		],
	],
);

export function appointmentTypeOf(context: IExecuteFunctions, itemIndex: number): AppointmentType {
	return context.getNodeParameter('appointmentType', itemIndex) === 'psc' ? 'psc' : 'phlebotomy';
}

/** `/v3/order/{order_id}/{phlebotomy|psc}/appointment[/{action}]` */
export function appointmentPath(orderId: string, type: AppointmentType, action?: string): string {
	return `${apiPath('/v3/order', orderId)}/${type}/appointment${action ? `/${action}` : ''}`;
}

export const appointmentNotesOption = {
	displayName: 'Appointment Notes',
	name: 'appointment_notes',
	type: 'string' as const,
	typeOptions: { rows: 2 },
	default: '',
	description: 'Notes for the phlebotomist or the center, up to 1,000 characters',
};

export const bookingKeyProperty = {
	displayName: 'Booking Key',
	name: 'bookingKey',
	type: 'string' as const,
	default: '',
	required: true,
	placeholder: '={{ $json.booking_key }}',
	description: 'The booking_key of a time slot from Get Availability; slots expire (expires_at)',
};
