/**
 * Data profiling of staged source records: one-pass, bounded-memory field statistics
 * ({@link dev.switchyard.profiling.FieldProfiler},
 * {@link dev.switchyard.profiling.ObjectProfiler}), duplicate candidates
 * ({@link dev.switchyard.profiling.DuplicateDetector}) and the data-quality
 * {@link dev.switchyard.profiling.Finding findings} drawn from them. Pure Java: no
 * Spring, no database.
 */
package dev.switchyard.profiling;
