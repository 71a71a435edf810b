package dev.switchyard.connector.salesforce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchyard.connector.ApiUsage;
import tools.jackson.databind.JsonNode;

/**
 * Reads the org's API usage from the {@code Sforce-Limit-Info} header and from the
 * {@code /limits} resource.
 */
final class LimitInfo {

    /** The header Salesforce reports its usage in. */
    static final String HEADER = "Sforce-Limit-Info";

    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    private LimitInfo() {
    }

    /**
     * @param header the header's value, such as {@code api-usage=10018/100000}, or null
     * @return the usage, or null when the header holds none
     */
    static ApiUsage parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher matcher = API_USAGE.matcher(header);
        return matcher.find() ? new ApiUsage(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))) : null;
    }

    /**
     * @param limits the {@code /limits} answer
     * @return the daily API requests used and allowed
     */
    static ApiUsage ofLimits(JsonNode limits) {
        JsonNode daily = limits.path("DailyApiRequests");
        long max = daily.path("Max").asLong(0);
        long remaining = daily.path("Remaining").asLong(0);
        return new ApiUsage(Math.max(0, max - remaining), max);
    }

}
