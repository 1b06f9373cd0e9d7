import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { createFailure, itemReference } from '../../../shared/actions/createOnce';
import { additionalFieldsProperty, requiredText } from '../../../shared/actions/parameters';
import { apiPath } from '../../../shared/transport/api';
import { lml } from '../../provider';
import { createRecord, findRecord } from '../../transport';
import { productAt, productProperty, productReferenceOf } from '../productLocator';

/** A list typed as text: comma- or line-separated, blanks dropped. */
export function listOf(value: unknown): string[] {
	return String(value ?? '')
		.split(/[,\n]/)
		.map((entry) => entry.trim())
		.filter(Boolean);
}

/** `product_ids` and/or `product_skus`, as the products were given. */
function productsBody(context: IExecuteFunctions, itemIndex: number, more: unknown): IDataObject {
	const products = [
		productAt(context, itemIndex),
		...listOf(more).map((value) => productReferenceOf({ mode: 'id', value })!),
	];
	const ids = products.filter((product) => product.by === 'id').map(({ value }) => value);
	const skus = products.filter((product) => product.by === 'sku').map(({ value }) => value);
	return {
		...(ids.length ? { product_ids: ids } : {}),
		...(skus.length ? { product_skus: skus } : {}),
	};
}

/** The foreign ID the node gives a registration when none is entered: the item's reference. */
export const derivedForeignId = (reference: string) => `n8n-${reference}`;

const registrationAt = (context: IExecuteFunctions, foreignId: string, itemIndex: number) =>
	findRecord(context, apiPath('/api/test_registration', foreignId), itemIndex);

export default defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create a test registration',
	description:
		'Register a test for a patient without an order (your own sample collection). Never creates two for the same item: the registration gets a foreign ID, looked up before creating.',
	properties: [
		{
			displayName: 'Patient ID',
			name: 'patientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. a1b2c3d4-0000-4000-8000-000000000001',
			description: 'From Patient › Create',
		},
		productProperty({ description: 'The product to test for: pick it, or enter its ID or SKU' }),
		additionalFieldsProperty([
			{
				displayName: 'Biomarker Codes',
				name: 'biomarkerCodes',
				type: 'string',
				default: '',
				placeholder: 'e.g. TSH, FT4',
				description: 'Comma-separated',
			},
			{
				displayName: 'Foreign ID',
				name: 'foreignId',
				type: 'string',
				default: '',
				description:
					'Your own reference for the registration. If it already names a registration, that one is returned instead of creating another. Empty: the node derives one from the workflow, the node and the input item (n8n-…), so a repeated run of the same item finds the registration it created.',
			},
			{
				displayName: 'More Products',
				name: 'moreProducts',
				type: 'string',
				default: '',
				placeholder: 'e.g. LML-VITD, LML-FERR',
				description: 'Further products in the same registration: comma-separated IDs or SKUs',
			},
		]),
	],
	async execute(itemIndex) {
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const patientId = requiredText(this, 'patientId', 'Patient ID', itemIndex);
		const biomarkerCodes = listOf(additional.biomarkerCodes);
		const body: IDataObject = {
			patient_id: patientId,
			...productsBody(this, itemIndex, additional.moreProducts),
			...(biomarkerCodes.length ? { biomarker_codes: biomarkerCodes } : {}),
		};
		const foreignId =
			String(additional.foreignId ?? '').trim() ||
			derivedForeignId(itemReference(this, itemIndex, 'testRegistration.create', body));

		const existing = await registrationAt(this, foreignId, itemIndex);
		if (existing) {
			assertSamePatient(this, existing, patientId, itemIndex);
			return toItems({
				...existing,
				alreadyCreated: true,
				message: 'Not created again: LML already has a registration with this foreign ID',
			});
		}
		try {
			return toItems(
				await createRecord(
					this,
					'test_registration',
					{ ...body, foreign_id: foreignId },
					itemIndex,
				),
			);
		} catch (error) {
			// Created after all (the answer was lost), or by a run of the same item at the same moment.
			const createdMeanwhile = await registrationAt(this, foreignId, itemIndex).catch(
				() => undefined,
			);
			if (createdMeanwhile) {
				assertSamePatient(this, createdMeanwhile, patientId, itemIndex);
				return toItems({
					...createdMeanwhile,
					message:
						'LML did not confirm the create, but has a registration with this foreign ID: this is it',
				});
			}
			throw createFailure(this, lml, error, {
				what: 'test registration',
				itemIndex,
				description:
					'LML has no registration with its foreign ID yet. Running this again is safe: the node looks the foreign ID up first, and creates the registration only if LML does not have it.',
			});
		}
	},
});

/** A registration found by the foreign ID must be this patient's: a foreign ID entered may name another. */
function assertSamePatient(
	context: IExecuteFunctions,
	registration: IDataObject,
	patientId: string,
	itemIndex: number,
): void {
	if (registration.patient_id !== patientId) {
		throw new NodeOperationError(
			context.getNode(),
			"The foreign ID already names a registration that is not this patient's",
			{
				description:
					'Nothing was created. Enter another Foreign ID, or leave it empty for the node to derive one.',
				itemIndex,
			},
		);
	}
}
