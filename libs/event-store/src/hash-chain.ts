/**
 * The hash chain both adapters write (see @kom/kernel hash-chain.ts for the exact canonical form).
 * The one implementation lives in the kernel, pure, so that the offline bundle verifier can use it
 * without loading anything of the store; this module is the event store's name for it.
 */
export {
  GENESIS_HASH,
  canonicalJson,
  chainHashOf,
  checkChainLink,
  computeEventHash,
  eventHashInput,
  isHash,
  prepareChainable,
  sha256Hex,
  storedHash,
  type ChainCheck,
  type ChainableEvent,
  type HashedEventContent,
} from '@kom/kernel';
