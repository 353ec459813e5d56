export * from './loopback-identity-provider';
