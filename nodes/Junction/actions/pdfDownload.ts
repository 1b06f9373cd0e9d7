import { definePdfDownload } from '../../shared/actions/operationKinds';
import type { OperationModule } from '../../shared/actions/actionNode';
import { downloadPdf, pdfFileName, type ResultsScope } from '../transport';
import { orderId } from './orderId';
import { orderTransactionId } from './orderTransactionId';

const SCOPE_ID = { order: orderId, transaction: orderTransactionId };

/** A Junction PDF download: which PDF (`pdf`) of an order or an order transaction (`scope`). */
export function defineJunctionPdf(settings: {
	name: string;
	value: string;
	action: string;
	description: string;
	scope: ResultsScope['kind'];
	pdf: 'requisition' | 'results';
	/** What the file is, for the output field's description. */
	document: string;
}): OperationModule {
	const { scope, pdf, ...operation } = settings;
	return definePdfDownload({
		...operation,
		id: SCOPE_ID[scope],
		fileName: (id) => pdfFileName(pdf, id),
		download: (context, id, itemIndex) => downloadPdf(context, { kind: scope, id }, pdf, itemIndex),
	});
}
