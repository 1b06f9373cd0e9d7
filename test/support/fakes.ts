import type { Logger } from 'n8n-workflow';

/** A logger that drops everything; plain, so that it works outside jest too (npm run bench). */
export const SILENT_LOGGER = {
	debug: () => undefined,
	info: () => undefined,
	warn: () => undefined,
	error: () => undefined,
} as unknown as Logger;

/** A promise settled from outside, as n8n's `createDeferredPromise` gives one. */
export interface Deferred<T> {
	promise: Promise<T>;
	resolve: (value: T) => void;
	reject: (error: Error) => void;
}

export function deferred<T>(): Deferred<T> {
	let resolve!: Deferred<T>['resolve'];
	let reject!: Deferred<T>['reject'];
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}
