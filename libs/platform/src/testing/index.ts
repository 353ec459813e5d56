/** What suites outside the platform library use to test against it. */
export { TcpProxy } from '../shared-state/testing/tcp-proxy';
