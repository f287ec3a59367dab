/** The result spool: bounded in-memory rows, spilling to a temp file, windows for readers. */
export { ResultSpool, type ResultSpoolOptions } from './resultSpool';
export { MemoryBudget, DEFAULT_SPOOL_MEMORY_BYTES, type Spillable } from './memoryBudget';
export { cleanupStaleSpills, SPILL_FILE_PREFIX } from './spillFile';
export { encodeChunk, decodeChunk } from './chunkCodec';
