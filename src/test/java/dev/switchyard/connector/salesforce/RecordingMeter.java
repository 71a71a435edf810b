package dev.switchyard.connector.salesforce;

import java.util.ArrayList;
import java.util.List;

import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.CallMeter;

/**
 * A call meter for tests that keeps the kinds of the calls it saw and the last usage.
 */
class RecordingMeter implements CallMeter {

    final List<String> before = new ArrayList<>();

    final List<String> after = new ArrayList<>();

    ApiUsage usage;

    @Override
    public void beforeCall(String kind) {
        this.before.add(kind);
    }

    @Override
    public void afterCall(String kind, ApiUsage usage) {
        this.after.add(kind);
        if (usage != null) {
            this.usage = usage;
        }
    }

}
