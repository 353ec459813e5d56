export * from './reactor';
export * from './reactor-checkpoints';
export * from './reactor-runner';
export * from './reactor-registry';
