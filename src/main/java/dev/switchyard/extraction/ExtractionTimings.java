package dev.switchyard.extraction;

/**
 * Where an extraction's time went, for the log and the benchmark.
 *
 * @param snapshotId the snapshot
 * @param records records staged
 * @param totalSeconds wall time from start to COMPLETED
 * @param stagingSeconds wall time reading the source and streaming it into staging
 * (includes the in-line profiling)
 * @param profilingSeconds time spent in the in-line profiler and duplicate detector
 * @param indexSeconds de-duplicating ids, indexing and attaching the partition, and the
 * delta comparison
 * @param analysisSeconds building the dictionary, inferring references, finding orphans,
 * and storing dictionary and findings
 */
public record ExtractionTimings(long snapshotId, long records, double totalSeconds, double stagingSeconds,
        double profilingSeconds, double indexSeconds, double analysisSeconds) {

}
