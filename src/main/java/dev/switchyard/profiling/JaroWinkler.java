package dev.switchyard.profiling;

/**
 * The Jaro-Winkler similarity of two strings, in [0, 1] (prefix scale 0.1, up to 4
 * characters).
 */
public final class JaroWinkler {

    private JaroWinkler() {
    }

    /**
     * The similarity of two names: when both have the same number of words (more than
     * one), the least similarity of the words in the same position, so that "Matthew
     * Johnson" and "Matthew Jones" do not pass for alike on their shared first word; else
     * that of the whole strings.
     */
    public static double nameSimilarity(String a, String b) {
        String[] wordsA = a.split(" ");
        String[] wordsB = b.split(" ");
        if (wordsA.length < 2 || wordsA.length != wordsB.length) {
            return similarity(a, b);
        }
        double least = 1.0;
        for (int i = 0; i < wordsA.length && least > 0; i++) {
            least = Math.min(least, similarity(wordsA[i], wordsB[i]));
        }
        return least;
    }

    public static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] matchedA = new boolean[la];
        boolean[] matchedB = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        for (int i = 0, k = 0; i < la; i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

}
