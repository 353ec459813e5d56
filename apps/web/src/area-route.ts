import type { ComponentType } from 'react';
import type { Role } from './auth/session';

/** A page of an area, loaded when first visited; `roles`: whose area it is (every signed-in person when absent). */
export interface AreaRoute {
  readonly path: string;
  readonly page: () => Promise<{ default: ComponentType }>;
  readonly roles?: readonly Role[];
}
