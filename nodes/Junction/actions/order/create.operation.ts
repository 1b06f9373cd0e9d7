import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import {
	additionalFieldsProperty,
	idParameter,
	menuParameter,
} from '../../../shared/actions/parameters';
import { apiPath, getRecord } from '../../../shared/transport/api';
import { junction } from '../../provider';
import { createOptionsProperty, createWithKey, idempotencyKeyFor } from '../idempotency';
import { labTestLocator, userLocator } from '../locators';
import {
	consentsBody,
	consentsOption,
	listOf,
	physicianBody,
	physicianOption,
} from '../orderFields';
import { addressProperty, dateOnly, patientProperty, readAddress, readPatient } from '../patient';

const sourceOrder = idParameter({
	displayName: 'Order to Copy From',
	name: 'sourceOrderId',
	placeholder: 'e.g. e1c380c1-7df4-487f-869e-f1be0193ca25',
	description:
		"An earlier order of this patient (the trigger's orderId): its patient details and address are reused, read inside the node and never put in the output",
});

const collectionMethod = menuParameter(
	{
		displayName: 'Collection Method',
		name: 'collectionMethod',
		default: 'labTest',
		description: 'How the sample is collected',
	},
	[
		['As the Lab Test Says', 'labTest', "Send none: Junction uses the lab test's own method"],
		['Test Kit', 'testkit'],
		['Walk-In Test', 'walk_in_test'],
		['At-Home Phlebotomy', 'at_home_phlebotomy'],
		['On-Site Collection', 'on_site_collection'],
	],
);

const patientSource = menuParameter(
	{
		displayName: 'Patient Details From',
		name: 'patientSource',
		default: 'fields',
		description: 'Where the patient and address of the order come from',
	},
	[
		['Fields Below', 'fields', 'Enter the patient and address (usually expressions)'],
		[
			'An Earlier Order',
			'order',
			'Reuse the patient and address of another order (a retest or redraw), without them passing through the workflow',
		],
	],
);

const PATIENT_KEYS = [
	'first_name',
	'last_name',
	'dob',
	'gender',
	'phone_number',
	'email',
	'race',
	'ethnicity',
	'sexual_orientation',
	'gender_identity',
];
const ADDRESS_KEYS = [
	'receiver_name',
	'first_line',
	'second_line',
	'city',
	'state',
	'zip',
	'country',
	'access_notes',
	'phone_number',
];
const REQUIRED_PATIENT = ['first_name', 'last_name', 'dob', 'gender', 'phone_number', 'email'];
const REQUIRED_ADDRESS = ['first_line', 'city', 'state', 'zip', 'country'];

function picked(source: unknown, keys: string[]): IDataObject {
	const record = (source ?? {}) as IDataObject;
	return Object.fromEntries(
		keys
			.filter((key) => record[key] !== null && record[key] !== undefined && record[key] !== '')
			.map((key) => [key, record[key]]),
	);
}

/** The patient and address of an earlier order, checked for what a new order needs. */
async function patientFromOrder(
	context: IExecuteFunctions,
	orderId: string,
	itemIndex: number,
): Promise<IDataObject> {
	const order = await getRecord(context, junction, apiPath('/v3/order', orderId), itemIndex);
	const details = picked(order.patient_details, PATIENT_KEYS);
	const address = picked(order.patient_address, ADDRESS_KEYS);
	if (typeof details.dob === 'string') details.dob = details.dob.slice(0, 10);
	const missing = [
		...REQUIRED_PATIENT.filter((key) => details[key] === undefined).map(
			(key) => `patient_details.${key}`,
		),
		...REQUIRED_ADDRESS.filter((key) => address[key] === undefined).map(
			(key) => `patient_address.${key}`,
		),
	];
	if (missing.length) {
		throw new NodeOperationError(
			context.getNode(),
			`The order to copy from has no ${missing.join(', ')}`,
			{
				description:
					'Junction needs these for a new order: enter the patient in the fields instead.',
				itemIndex,
			},
		);
	}
	return { patient_details: details, patient_address: address };
}

export default defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create an order',
	description:
		'Order a lab test for a user: a test kit, a walk-in or at-home draw, or on-site collection. Repeats of the same item (retries, re-runs, the same event again) return the first order instead of placing another.',
	properties: [
		userLocator.property,
		labTestLocator.property,
		collectionMethod,
		patientSource,
		{ ...patientProperty, displayOptions: { show: { patientSource: ['fields'] } } },
		{
			...addressProperty(
				'patient',
				'patientAddress',
				'Patient Address',
				"The patient's home address (where a kit is shipped, or the phlebotomist visits)",
			),
			displayOptions: { show: { patientSource: ['fields'] } },
		},
		{ ...sourceOrder.property, displayOptions: { show: { patientSource: ['order'] } } },
		additionalFieldsProperty([
			{
				displayName: 'Activate By',
				name: 'activate_by',
				type: 'dateTime',
				default: '',
				description:
					'Schedule the order: it waits, as ordered, until this date (only the date counts). Change it later with Update Schedule.',
			},
			menuParameter({ displayName: 'Billing Type', name: 'billing_type', default: 'client_bill' }, [
				['Client Bill', 'client_bill'],
				['Commercial Insurance', 'commercial_insurance'],
				['Patient Bill', 'patient_bill'],
				['Patient Bill Passthrough', 'patient_bill_passthrough'],
			]),
			{
				displayName: 'Clinical Notes',
				name: 'clinical_notes',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
			},
			consentsOption,
			{
				displayName: 'ICD Codes',
				name: 'icd_codes',
				type: 'string',
				default: '',
				placeholder: 'e.g. E78.5, Z13.220',
				description: 'Diagnosis codes, separated by commas',
			},
			{
				displayName: 'Lab Account ID',
				name: 'lab_account_id',
				type: 'string',
				default: '',
				description: 'Order through this lab account of your team',
			},
			{
				displayName: 'Passthrough',
				name: 'passthrough',
				type: 'string',
				default: '',
				description: 'Your own reference, returned on the order and its webhooks',
			},
			physicianOption,
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'boolean',
				default: false,
				description: 'Whether to process the order as STAT, where the lab offers it',
			},
		]),
		createOptionsProperty(),
	],
	async execute(itemIndex) {
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const method = this.getNodeParameter('collectionMethod', itemIndex) as string;
		const source = this.getNodeParameter('patientSource', itemIndex) as string;
		const order: IDataObject = {
			user_id: userLocator.at(this, itemIndex),
			order_set: { lab_test_ids: [labTestLocator.at(this, itemIndex)] },
			...(method === 'labTest' ? {} : { collection_method: method }),
			...optionalFields(this, fields, itemIndex),
		};
		const sourceOrderId = source === 'order' ? sourceOrder.at(this, itemIndex) : undefined;
		const patient = sourceOrderId
			? undefined
			: {
					patient_details: readPatient(this, itemIndex),
					patient_address: readAddress(
						this,
						itemIndex,
						'patient',
						'patientAddress',
						'Patient Address',
					),
				};
		// The key covers the request as configured: a copied patient by the order it comes from.
		const key = idempotencyKeyFor(this, itemIndex, 'order.create', {
			...order,
			...(patient ?? { patient_from_order: sourceOrderId }),
		});
		const body = {
			...order,
			...(patient ?? (await patientFromOrder(this, sourceOrderId!, itemIndex))),
		};
		return toItems(await createWithKey(this, '/v3/order', body, key, itemIndex));
	},
});

function optionalFields(
	context: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): IDataObject {
	const body: IDataObject = {};
	for (const key of ['billing_type', 'clinical_notes', 'lab_account_id', 'passthrough']) {
		const text = String(fields[key] ?? '').trim();
		if (text) body[key] = text;
	}
	if (fields.priority === true) body.priority = true;
	if (String(fields.activate_by ?? '').trim())
		body.activate_by = dateOnly(context, String(fields.activate_by), 'Activate By', itemIndex);
	const codes = listOf(fields.icd_codes);
	if (codes.length) body.icd_codes = codes;
	const physician = physicianBody(fields);
	if (physician) body.physician = physician;
	const consents = consentsBody(fields);
	if (consents) body.consents = consents;
	return body;
}
