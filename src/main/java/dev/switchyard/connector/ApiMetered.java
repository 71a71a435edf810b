package dev.switchyard.connector;

/**
 * A connector whose calls count against a provider's API limit. Source and target
 * connectors of CRMs implement it beside {@link SourceConnector} or
 * {@link TargetConnector}, so that the workbench can estimate the calls work needs before
 * it starts and probe whether a used-up budget is back.
 */
public interface ApiMetered {

    /**
     * Asks the provider for its current usage with one cheap call.
     * @return the usage
     * @throws BudgetExhaustedException when even that call is refused for the limit
     */
    ApiUsage probeUsage();

    /**
     * @param object an object
     * @param records how many records it holds (or the best estimate)
     * @return the calls reading them takes (pages of a query, or a bulk job's calls)
     */
    long callsToExtract(String object, long records);

    /**
     * @param object a target object
     * @param records how many records will be written
     * @return the calls writing them takes (collections of 200, or a bulk job's calls)
     */
    long callsToWrite(String object, long records);

}
