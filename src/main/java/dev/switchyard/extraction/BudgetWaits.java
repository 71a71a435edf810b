package dev.switchyard.extraction;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.switchyard.connector.ApiMetered;
import dev.switchyard.connector.ApiUsage;
import dev.switchyard.connector.BudgetExhaustedException;
import dev.switchyard.connector.CallMeter;

/**
 * The call meter of an extraction from a CRM: when the project's share of the API budget,
 * or the provider's limit as its last answer reported it, refuses the next call, the
 * extraction does not fail — the call waits. While it waits, the extraction shows
 * WAITING_FOR_BUDGET with the reason, asks the provider for its usage with one cheap call
 * every check interval, and makes the call as soon as the budget is back, so nothing is
 * read twice and nothing is lost. A cancel ends the wait.
 */
final class BudgetWaits implements CallMeter {

    private final CallMeter meter;

    private final Duration interval;

    private final BooleanSupplier cancelled;

    private final Consumer<String> waiting;

    private final Runnable resumed;

    private ApiMetered probe;

    /**
     * @param meter the connection's meter
     * @param interval how often to ask whether the budget is back
     * @param cancelled whether the extraction was cancelled
     * @param waiting told the reason when the extraction starts waiting
     * @param resumed told when the budget is back
     */
    BudgetWaits(CallMeter meter, Duration interval, BooleanSupplier cancelled, Consumer<String> waiting,
            Runnable resumed) {
        this.meter = meter;
        this.interval = interval;
        this.cancelled = cancelled;
        this.waiting = waiting;
        this.resumed = resumed;
    }

    /**
     * @param probe the open connector, asked for its usage while waiting (when it can be)
     */
    void probeWith(Object probe) {
        this.probe = (probe instanceof ApiMetered metered) ? metered : null;
    }

    @Override
    public void beforeCall(String kind) {
        boolean waited = false;
        while (true) {
            try {
                this.meter.beforeCall(kind);
                if (waited) {
                    this.resumed.run();
                }
                return;
            }
            catch (BudgetExhaustedException ex) {
                if (!waited) {
                    this.waiting.accept(ex.getMessage());
                    waited = true;
                }
                pause();
                if (this.probe != null) {
                    try {
                        this.probe.probeUsage();
                    }
                    catch (BudgetExhaustedException stillOut) {
                        // the provider refuses even the probe: wait on
                    }
                }
            }
        }
    }

    private void pause() {
        long until = System.nanoTime() + this.interval.toNanos();
        while (System.nanoTime() < until) {
            if (this.cancelled.getAsBoolean()) {
                throw new ExtractionCancelled();
            }
            try {
                Thread.sleep(Math.min(250, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new ExtractionCancelled();
            }
        }
    }

    @Override
    public void afterCall(String kind, ApiUsage usage) {
        this.meter.afterCall(kind, usage);
    }

}
