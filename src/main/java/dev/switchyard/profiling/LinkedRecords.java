package dev.switchyard.profiling;

import java.util.Arrays;

/**
 * Union-find over record indexes, remembering per component the kinds of links that
 * joined it and the weakest link's score.
 */
final class LinkedRecords {

    private final int[] parent;

    private final int[] kinds;

    private final double[] scores;

    LinkedRecords(int size) {
        this.parent = new int[size];
        this.kinds = new int[size];
        this.scores = new double[size];
        for (int i = 0; i < size; i++) {
            this.parent[i] = i;
        }
        Arrays.fill(this.scores, 1.0);
    }

    void link(int a, int b, MatchKind kind, double score) {
        int ra = root(a);
        int rb = root(b);
        if (ra != rb) {
            this.parent[rb] = ra;
            this.kinds[ra] |= this.kinds[rb];
            this.scores[ra] = Math.min(this.scores[ra], this.scores[rb]);
        }
        this.kinds[ra] |= 1 << kind.ordinal();
        this.scores[ra] = Math.min(this.scores[ra], score);
    }

    int root(int i) {
        while (this.parent[i] != i) {
            this.parent[i] = this.parent[this.parent[i]];
            i = this.parent[i];
        }
        return i;
    }

    boolean has(int root, MatchKind kind) {
        return (this.kinds[root] & (1 << kind.ordinal())) != 0;
    }

    double score(int root) {
        return this.scores[root];
    }

}
