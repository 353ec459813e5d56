/** The local read-model database (ReadModelDatabase). */
export const READ_MODELS = Symbol.for('kom.ReadModels');
export const BOUNDED_CONTEXTS = Symbol.for('kom.BoundedContexts');
