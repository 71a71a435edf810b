package dev.switchyard.profiling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Profiling settings, under {@code switchyard.profiling}.
 *
 * @param twoDigitYearPivot the first year a two-digit year is read as, in report-style
 * dates such as {@code 03/14/24 2:30 PM} ({@code SWITCHYARD_PROFILING_TWODIGITYEARPIVOT},
 * default 1950: {@code 50}–{@code 99} are 1950–1999, {@code 00}–{@code 49} are
 * 2000–2049); the suggested date transforms read them the same way
 */
@ConfigurationProperties("switchyard.profiling")
public record ProfilingProperties(@DefaultValue("1950") int twoDigitYearPivot) {

    public ProfilingProperties {
        if (twoDigitYearPivot < 1000 || twoDigitYearPivot > 9000) {
            throw new IllegalArgumentException(
                    "switchyard.profiling.two-digit-year-pivot must be a four-digit year, not " + twoDigitYearPivot);
        }
    }

}
