/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test support runs in Node, not inside n8n */
import { EventEmitter } from 'node:events';

import type { IDataObject } from 'n8n-workflow';

/** The HTTP response n8n hands the node: what the triggers and n8n write, and its close event. */
export class FakeResponse extends EventEmitter {
	statusCode = 200;
	writableEnded = false;
	writableFinished = false;
	body?: IDataObject;
	readonly headers: Record<string, string> = {};
	/** True once the response has closed, as on Node's ServerResponse. */
	closed = false;

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string): this {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	json(body: IDataObject): this {
		this.body = body;
		this.writableEnded = true;
		// Like a socket already closed by the sender: the answer is written, but no event follows.
		if (!this.closed) {
			this.writableFinished = true;
			this.close();
		}
		return this;
	}

	close(): void {
		if (this.closed) return;
		this.closed = true;
		this.emit('close');
	}
}
