package dev.switchyard.mapping.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MemoCacheTests {

    @Test
    void remembersAResultByKeyAndQualifier() {
        MemoCache<String> cache = new MemoCache<>(16);
        assertThat(cache.get("415-555-0100", "US")).isNull();
        assertThat(cache.put("415-555-0100", "US", "+14155550100")).isEqualTo("+14155550100");
        assertThat(cache.get("415-555-0100", "US")).isEqualTo("+14155550100");
        assertThat(cache.get("415-555-0100", "CA")).isNull();
        assertThat(cache.get("415-555-0101", "US")).isNull();
        cache.put("n/a", null, "none");
        assertThat(cache.get("n/a", null)).isEqualTo("none");
        assertThat(cache.get("n/a", "US")).isNull();
    }

    @Test
    void neverHoldsMoreThanItsCapacityAndForgetsRatherThanConfuses() {
        MemoCache<Integer> cache = new MemoCache<>(64);
        for (int i = 0; i < 10_000; i++) {
            cache.put("key " + i, (i % 2 == 0) ? "even" : null, i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(64).isGreaterThan(0);
        int remembered = 0;
        for (int i = 0; i < 10_000; i++) {
            Integer value = cache.get("key " + i, (i % 2 == 0) ? "even" : null);
            if (value != null) {
                assertThat(value).isEqualTo(i);
                remembered++;
            }
        }
        assertThat(remembered).isEqualTo(cache.size());
    }

    @Test
    void threadsSharingACacheAlwaysGetTheirOwnKeysResult() throws Exception {
        MemoCache<String> cache = new MemoCache<>(32);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                wrong.add(pool.submit(() -> {
                    int mistakes = 0;
                    for (int i = 0; i < 200_000; i++) {
                        String key = Integer.toString((i * 7 + thread) % 500);
                        String region = ((i + thread) % 3 == 0) ? "CA" : "US";
                        String value = cache.get(key, region);
                        if (value == null) {
                            cache.put(key, region, region + key);
                        }
                        else if (!value.equals(region + key)) {
                            mistakes++;
                        }
                    }
                    return mistakes;
                }));
            }
            for (Future<Integer> mistakes : wrong) {
                assertThat(mistakes.get()).isZero();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void longTextsAreNotRemembered() {
        MemoCache<String> cache = new MemoCache<>(16);
        String longText = "x".repeat(MemoCache.MAX_KEY_LENGTH + 1);
        assertThat(cache.put(longText, null, "result")).isEqualTo("result");
        assertThat(cache.get(longText, null)).isNull();
        assertThat(cache.size()).isZero();
        String longest = "x".repeat(MemoCache.MAX_KEY_LENGTH);
        cache.put(longest, null, "result");
        assertThat(cache.get(longest, null)).isEqualTo("result");
    }

    @Test
    void theCapacityIsAPowerOfTwo() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoCache<>(100));
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoCache<>(0));
        assertThat(new MemoCache<>(128).capacity()).isEqualTo(128);
    }

}
