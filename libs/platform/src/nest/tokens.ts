/** The local read-model database (ReadModelDatabase). */
export const READ_MODELS = Symbol.for('kom.ReadModels');
export const BOUNDED_CONTEXTS = Symbol.for('kom.BoundedContexts');
/** The data directory's DataDirectoryLock, held for the life of the application. */
export const DATA_DIR_LOCK = Symbol.for('kom.DataDirLock');
