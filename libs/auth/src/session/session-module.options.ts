import type { Provider } from '@nestjs/common';
import type { SessionConfig } from '@kom/platform';

export interface SessionModuleOptions {
  readonly config: SessionConfig;
  readonly production: boolean;
  /** Provides ORGANIZATION_NAMES (the app knows where organisations are read). */
  readonly organizationNames: Provider;
  readonly imports?: NonNullable<import('@nestjs/common').DynamicModule['imports']>;
}

export const SESSION_MODULE_OPTIONS = Symbol.for('kom.SessionModuleOptions');
