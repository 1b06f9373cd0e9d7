import { randomUUID } from 'node:crypto';

import { Webhook } from 'svix';

import type { Signer } from '../types';

/**
 * Junction signs with Svix (Standard Webhooks): svix-id, svix-timestamp and svix-signature, made here by
 * the official svix library, as Junction's own sender makes them.
 */
export const svixSigner: Signer = {
	proof: 'Svix signature',
	secret: (seed) => `whsec_${Buffer.from(seed).toString('base64')}`,
	sign(delivery, { secret, messageId, timestamp }) {
		if (!secret) return delivery;
		const id = messageId ?? `msg_${randomUUID().replace(/-/g, '')}`;
		const seconds = timestamp ?? Math.floor(Date.now() / 1000);
		const signature = new Webhook(secret).sign(id, new Date(seconds * 1000), delivery.body);
		return {
			...delivery,
			headers: {
				...delivery.headers,
				'svix-id': id,
				'svix-timestamp': String(seconds),
				'svix-signature': signature,
			},
		};
	},
};
