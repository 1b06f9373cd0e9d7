import { JUNCTION_FAKE_ORDERS } from '../../../../dev/fakes/junction/api';
import { junctionActionRig } from '../actionRig';

const { operation } = junctionActionRig();
const getRequisitionPdf = operation('order', 'getRequisitionPdf');

describe('Order › Get Requisition PDF', () => {
	it('downloads the requisition PDF as binary', async () => {
		const orderId = JUNCTION_FAKE_ORDERS.pending;
		const { items } = await getRequisitionPdf({ orderId, binaryPropertyName: 'requisition' });
		expect(items[0].json).toEqual({
			orderId,
			ready: true,
			fileName: `junction-requisition-${orderId}.pdf`,
		});
		expect(items[0].binary?.requisition).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `junction-requisition-${orderId}.pdf`,
		});
		expect(Buffer.from(items[0].binary!.requisition.data, 'base64').toString('latin1')).toContain(
			`Junction requisition ${orderId}`,
		);
	});

	it('says when the requisition is not ready yet', async () => {
		const orderId = JUNCTION_FAKE_ORDERS.cancellable;
		const { items } = await getRequisitionPdf({ orderId, binaryPropertyName: 'data' });
		expect(items[0].json).toMatchObject({ orderId, ready: false });
		expect(items[0].binary).toBeUndefined();
	});

	it('refuses a JSON answer where a PDF was expected', async () => {
		const orderId = JUNCTION_FAKE_ORDERS.jsonInsteadOfPdf;
		await expect(getRequisitionPdf({ orderId, binaryPropertyName: 'data' })).rejects.toThrow(
			'Junction did not return a requisition PDF',
		);
	});
});
