package dev.switchyard.connector.salesforce;

/**
 * How many API calls reading or writing a number of records takes, the way the connector
 * does it: REST pages of 2,000 or a bulk query job; sObject Collections of 200 or a bulk
 * ingest job.
 */
final class CallEstimates {

    /** Records per REST query page. */
    static final int QUERY_PAGE = 2_000;

    /** Records per sObject Collections call. */
    static final int COLLECTION = 200;

    /** Polls a bulk job is expected to need. */
    static final int EXPECTED_POLLS = 2;

    private final SalesforceProperties properties;

    CallEstimates(SalesforceProperties properties) {
        this.properties = properties;
    }

    /**
     * @param records records to read
     * @return one count, then the query's pages or the bulk job's create, polls and
     * result pages
     */
    long toExtract(long records) {
        if (records > this.properties.bulkQueryThreshold()) {
            return 1 + 1 + EXPECTED_POLLS + pages(records, this.properties.bulkResultPage());
        }
        return 1 + Math.max(1, pages(records, QUERY_PAGE));
    }

    /**
     * @param records records to write
     * @return the collections calls, or the ingest job's create, upload, close, polls and
     * three result reads
     */
    long toWrite(long records) {
        if (records > this.properties.bulkIngestThreshold()) {
            return 1 + 1 + 1 + EXPECTED_POLLS + 3;
        }
        return pages(records, COLLECTION);
    }

    private static long pages(long records, int size) {
        return (records + size - 1) / size;
    }

}
