package dev.switchyard.profiling;

/**
 * The optimal string alignment distance (Levenshtein with adjacent transpositions): the
 * fewest letters to change, insert, delete or swap to turn one string into another.
 */
public final class EditDistance {

    private EditDistance() {
    }

    /**
     * @param a a string
     * @param b another
     * @return their distance
     */
    public static int of(String a, String b) {
        return of(a, b, Integer.MAX_VALUE);
    }

    /**
     * @param a a string
     * @param b another
     * @param limit a bound the caller cares about: once every path exceeds it, the answer
     * is {@code limit + 1}
     * @return their distance, or {@code limit + 1} when it is more than {@code limit}
     */
    public static int of(String a, String b, int limit) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > limit) {
            return limit + 1;
        }
        int[] before = new int[lb + 1];
        int[] previous = new int[lb + 1];
        int[] current = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            current[0] = i;
            int least = current[0];
            for (int j = 1; j <= lb; j++) {
                int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
                least = Math.min(least, value);
            }
            if (least > limit) {
                return limit + 1;
            }
            int[] rotated = before;
            before = previous;
            previous = current;
            current = rotated;
        }
        int distance = previous[lb];
        return (distance > limit) ? limit + 1 : distance;
    }

}
