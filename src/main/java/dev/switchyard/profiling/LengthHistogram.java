package dev.switchyard.profiling;

/**
 * Buckets value lengths: 0, 1–10, 11–50, 51–255, 256–1000, over 1000.
 */
final class LengthHistogram {

    private final long[] buckets = new long[6];

    private int max;

    void add(int length) {
        int bucket;
        if (length == 0) {
            bucket = 0;
        }
        else if (length <= 10) {
            bucket = 1;
        }
        else if (length <= 50) {
            bucket = 2;
        }
        else if (length <= 255) {
            bucket = 3;
        }
        else if (length <= 1000) {
            bucket = 4;
        }
        else {
            bucket = 5;
        }
        this.buckets[bucket]++;
        if (length > this.max) {
            this.max = length;
        }
    }

    int max() {
        return this.max;
    }

    LengthDistribution result() {
        long[] b = this.buckets;
        return new LengthDistribution(b[0], b[1], b[2], b[3], b[4], b[5], this.max);
    }

}
