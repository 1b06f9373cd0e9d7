import { LML_PENDING_REGISTRATION } from '../../../../dev/fakes/londonMedicalLaboratory/api';
import { LML_SAMPLE_IDS } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { lmlActionRig, registration } from '../actionRig';

const { operation } = lmlActionRig();
const downloadPdf = operation('labResults', 'downloadPdf');

describe('Lab Results › Download PDF', () => {
	it('downloads the results PDF as binary data', async () => {
		const [item] = await downloadPdf({
			testRegistrationId: registration(LML_SAMPLE_IDS.testRegistrationId),
			binaryPropertyName: 'report',
		});
		expect(item.json).toMatchObject({
			ready: true,
			fileName: `lml-results-${LML_SAMPLE_IDS.testRegistrationId}.pdf`,
		});
		const file = item.binary?.report;
		expect(file?.mimeType).toBe('application/pdf');
		expect(Buffer.from(file!.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
	});

	it('has no PDF while results are pending', async () => {
		const [item] = await downloadPdf({
			testRegistrationId: registration(LML_PENDING_REGISTRATION),
			binaryPropertyName: 'data',
		});
		expect(item.json).toMatchObject({ ready: false });
		expect(item.binary).toBeUndefined();
	});
});
