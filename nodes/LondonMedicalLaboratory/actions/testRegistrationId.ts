import { requireValue, type IdParameter } from '../../shared/actions/parameters';

/** LML finds a registration by its UUID, its TRF code or your own foreign ID. */
export const testRegistrationId: IdParameter = {
	name: 'testRegistrationId',
	property: {
		displayName: 'Test Registration',
		name: 'testRegistrationId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description: 'LML accepts the registration UUID, its TRF code or your own foreign ID',
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. e23e2d33-5ab4-4efc-8e94-7e914b5f99df',
			},
			{
				displayName: 'By TRF Code',
				name: 'trfCode',
				type: 'string',
				placeholder: 'e.g. LML-AB1234',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[A-Za-z]+-[A-Za-z0-9]+$',
							errorMessage: 'A TRF code looks like LML-AB1234',
						},
					},
				],
			},
			{
				displayName: 'By Foreign ID',
				name: 'foreignId',
				type: 'string',
				placeholder: 'e.g. YOUR-INTERNAL-REF-123',
			},
		],
	},
	at(context, itemIndex) {
		const value = context.getNodeParameter('testRegistrationId', itemIndex, '', {
			extractValue: true,
		}) as string;
		return requireValue(context.getNode(), value, 'Test Registration', itemIndex);
	},
};
