export * from './projection';
export * from './projection-errors';
export * from './read-model-database';
export * from './projection-runner';
export * from './rebuild-all';
export * from './read-memo';
export { CHECKPOINT_TABLE, addMarkColumns, markFromRow, type MarkColumns } from './projection-set';
export * from './checkpointed-runner';
