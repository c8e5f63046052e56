import type { ComponentType } from 'react';

/** Hand-written screens that replace a generated one, by resource. */
export const screens: Record<string, { list?: ComponentType; show?: ComponentType }> = {};
