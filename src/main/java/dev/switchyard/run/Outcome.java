package dev.switchyard.run;

/**
 * What became of a source record in a run: exactly one per record and object mapping.
 */
public enum Outcome {

    CREATED, UPDATED, UNCHANGED, QUARANTINED, EXCLUDED, ARCHIVED

}
