import type { Provider } from '@nestjs/common';

/**
 * How apps/api binds a context's port: a Nest provider without its token (the context's module adds
 * its own). Every context module with ports takes its bindings in this shape.
 */
export type PortBinding = Provider extends infer P ? (P extends { provide: unknown } ? Omit<P, 'provide'> : never) : never;
