export * from './national-id-numbers';
