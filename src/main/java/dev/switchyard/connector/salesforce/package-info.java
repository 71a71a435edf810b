/**
 * Salesforce as a source and as a destination, through its REST, Tooling and Bulk 2.0
 * APIs, with every call metered against the org's daily API limit.
 */
package dev.switchyard.connector.salesforce;
