import {
	bool,
	date,
	dateTime,
	email,
	int,
	list,
	nullable,
	object,
	oneOf,
	text,
	uuid,
	type Schema,
} from './validate';

/**
 * The request schemas of the endpoints the write operations call, from Junction's OpenAPI 0.4.687
 * (`/work/notes/junction-write-api.md` has them in words). Enums are checked strictly here, though the
 * spec calls them non-exhaustive: a value the node sends must be one Junction documents.
 */
export const COLLECTION_METHODS = [
	'testkit',
	'walk_in_test',
	'at_home_phlebotomy',
	'on_site_collection',
];
const GENDER = ['female', 'male', 'other', 'unknown'];
const RACE = [
	'african_american_or_black',
	'asian',
	'indigenous_native_american_alaska_native',
	'other',
	'pacific_islander_or_hawaiian',
	'white_caucasian',
];
const ETHNICITY = ['hispanic', 'non_hispanic', 'ashkenazi_jewish', 'other'];
const SEXUAL_ORIENTATION = [
	'lesbian_gay_or_homosexual',
	'heterosexual_or_straight',
	'bisexual',
	'dont_know',
	'other',
];
const GENDER_IDENTITY = [
	'male',
	'female',
	'female_to_male_ftm_transgender_male_trans_man',
	'male_to_female_mtf_transgender_female_trans_woman',
	'genderqueer',
	'other',
];
const CONSENT_TYPES = [
	'terms-of-use',
	'telehealth-informed-consent',
	'mobile-terms-and-conditions',
	'notice-of-privacy-practices',
	'privacy-policy',
	'hipaa-authorization',
];
const BILLING = ['client_bill', 'commercial_insurance', 'patient_bill_passthrough', 'patient_bill'];
const ZIP = /^\d{5}(-\d{4})?$/;
const optionalText = nullable(text());

const address = object(
	{
		first_line: text(),
		second_line: optionalText,
		country: text(),
		zip: text(),
		city: text(),
		state: text(),
		access_notes: nullable(text({ max: 1000 })),
	},
	['first_line', 'country', 'zip', 'city', 'state'],
);

const guarantor = object(
	{
		first_name: text(),
		last_name: text(),
		address,
		phone_number: text(),
		household_income: nullable(int()),
		household_size: nullable(int()),
		email: optionalText,
	},
	['first_name', 'last_name', 'address', 'phone_number'],
);

const demographics = {
	medical_proxy: nullable(guarantor),
	race: nullable(oneOf(RACE)),
	ethnicity: nullable(oneOf(ETHNICITY)),
	sexual_orientation: nullable(oneOf(SEXUAL_ORIENTATION)),
	gender_identity: nullable(oneOf(GENDER_IDENTITY)),
};

/** `PatientDetailsWithValidation` */
export const patientDetails = object(
	{
		first_name: text({ min: 1, max: 50 }),
		last_name: text({ min: 1, max: 50 }),
		dob: date(),
		gender: oneOf(GENDER),
		phone_number: text(),
		email: email(),
		...demographics,
		household_income: nullable(int()),
		household_size: nullable(int()),
	},
	['first_name', 'last_name', 'dob', 'gender', 'phone_number', 'email'],
);

/** `PatientAddressWithValidation` */
export const patientAddress = object(
	{
		receiver_name: text(),
		first_line: text(),
		second_line: optionalText,
		city: text(),
		state: text(),
		zip: text({ pattern: ZIP }),
		country: text(),
		access_notes: nullable(text({ max: 1000 })),
		phone_number: optionalText,
	},
	['first_line', 'city', 'state', 'zip', 'country'],
);

const physicianFields = {
	first_name: text(),
	last_name: text(),
	email: optionalText,
	npi: text(),
	licensed_states: list(text()),
};
const physicianRequired = ['first_name', 'last_name', 'npi'];

const consent = object(
	{ consentType: oneOf(CONSENT_TYPES), version: text(), timeOfConsent: dateTime() },
	['consentType'],
);

/** `CreateOrderRequestCompatible` (POST /v3/order) */
export const createOrder = object(
	{
		user_id: uuid(),
		lab_test_id: nullable(uuid()),
		order_set: nullable(
			object({
				lab_test_ids: nullable(list(uuid())),
				add_on: nullable(
					object({ marker_ids: nullable(list(int())), provider_ids: nullable(list(text())) }),
				),
				lab_account_id: nullable(uuid()),
			}),
		),
		collection_method: nullable(oneOf(COLLECTION_METHODS)),
		physician: nullable(
			object({ ...physicianFields, signature_image: nullable(object({})) }, physicianRequired),
		),
		priority: bool(),
		billing_type: oneOf(BILLING),
		icd_codes: nullable(list(text())),
		consents: list(consent),
		activate_by: nullable(date()),
		aoe_answers: nullable(
			list(
				object({ marker_id: int(), question_id: int(), answer: text() }, [
					'marker_id',
					'question_id',
					'answer',
				]),
			),
		),
		passthrough: optionalText,
		clinical_notes: optionalText,
		lab_account_id: nullable(uuid()),
		creator_member_id: nullable(uuid()),
		patient_details: patientDetails,
		patient_address: patientAddress,
	},
	['user_id', 'patient_details', 'patient_address'],
);

/** `CreateRegistrableTestkitOrderRequest` (POST /v3/order/testkit) */
export const createTestKit = object(
	{
		user_id: uuid(),
		lab_test_id: uuid(),
		shipping_details: object(
			{
				receiver_name: text(),
				first_line: text(),
				second_line: optionalText,
				city: text(),
				state: text(),
				zip: text({ pattern: ZIP }),
				country: text(),
				phone_number: text(),
			},
			['receiver_name', 'first_line', 'city', 'state', 'zip', 'country', 'phone_number'],
		),
		passthrough: optionalText,
		lab_account_id: nullable(uuid()),
	},
	['user_id', 'lab_test_id', 'shipping_details'],
);

/** `RegisterTestkitRequest` (POST /v3/order/testkit/register) */
export const registerTestKit = object(
	{
		user_id: nullable(uuid()),
		sample_id: text(),
		patient_details: patientDetails,
		patient_address: patientAddress,
		physician: nullable(object(physicianFields, physicianRequired)),
		health_insurance: nullable(object({})),
		consents: list(consent),
	},
	['sample_id', 'patient_details', 'patient_address'],
);

/** `UpdateOrderBody` (PATCH /v3/order/{id}): the key is required, its value may be null. */
export const updateOrder = object({ activate_by: nullable(date()) }, ['activate_by']);

/** `ResendWebhookBody` (POST /v3/order/resend_events) */
export const resendEvents = object({
	order_ids: nullable(list(uuid())),
	start_at: nullable(dateTime()),
	end_at: nullable(dateTime()),
});

/** `UserInfoCreateRequest` (PATCH /v2/user/{id}/info): `gender` is a free string here. */
export const userInfo = object(
	{
		first_name: text(),
		last_name: text(),
		email: email(),
		phone_number: text(),
		gender: text(),
		dob: date(),
		address,
		...demographics,
	},
	['first_name', 'last_name', 'email', 'phone_number', 'gender', 'dob', 'address'],
);

/** `USAddress` (phlebotomy availability) */
export const usAddress = object(
	{
		first_line: text(),
		second_line: optionalText,
		city: text(),
		state: text(),
		zip_code: text({ pattern: ZIP }),
		unit: optionalText,
		access_notes: nullable(text({ max: 1000 })),
	},
	['first_line', 'city', 'state', 'zip_code'],
);

/** `AppointmentBookingRequest` */
export const bookAppointment = object(
	{
		booking_key: text(),
		appointment_notes: nullable(text({ max: 1000 })),
		async_confirmation: bool(),
		sync_confirmation_timeout_millisecond: nullable(int(1000, 10000)),
		async_confirmation_timeout_millisecond: nullable(int(60000, 172800000)),
	},
	['booking_key'],
);

/** `AppointmentRescheduleRequest` */
export const rescheduleAppointment = object(
	{ booking_key: text(), appointment_notes: nullable(text({ max: 1000 })) },
	['booking_key'],
);

/** The two cancel bodies: phlebotomy in snake_case with `notes`, PSC in camelCase with `note`. */
export const cancelAppointment: Record<'phlebotomy' | 'psc', Schema> = {
	phlebotomy: object({ cancellation_reason_id: uuid(), notes: optionalText }, [
		'cancellation_reason_id',
	]),
	psc: object({ cancellationReasonId: uuid(), note: optionalText }, ['cancellationReasonId']),
};

/** The query of POST /v3/order/psc/appointment/availability */
export const pscAvailabilityQuery: Record<string, Schema> = {
	lab: oneOf(['quest', 'sonora_quest']),
	start_date: date(),
	site_codes: list(text()),
	zip_code: text({ pattern: /^\d{5}$/ }),
	radius: oneOf(['10', '20', '25', '50', '100']),
	allow_stale: bool(),
};
