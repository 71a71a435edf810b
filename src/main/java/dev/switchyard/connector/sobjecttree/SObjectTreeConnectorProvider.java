package dev.switchyard.connector.sobjecttree;

import java.nio.file.Files;

import dev.switchyard.connector.ConnectionSettings;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorProvider;
import dev.switchyard.connector.ConnectorType;
import dev.switchyard.connector.SourceConnector;

import org.springframework.stereotype.Component;

/**
 * Opens folders of Salesforce sObject-tree JSON files ({@code sf data export tree}
 * output), with or without data plans (recognised by their content, whatever their name).
 * Every plan of the folder is loaded, unless the option {@code plan} names one; each
 * object's origin says which plan listed its files, and a file no plan in use lists is
 * reported, not read.
 *
 * <p>
 * A record's id is its {@code attributes.referenceId} unless the connection names an id
 * field for its object. References ({@code @AccountRef1}) are replaced by the referenced
 * record's id. Records nested under a parent ({@code "Contacts": {"records": [...]}})
 * become records of their own type whose parent field holds the parent's id: the field is
 * {@code <ParentType>Id} ({@code AccountId}), or the parent's name for a custom object
 * ({@code Experience__c}).
 */
@Component
public class SObjectTreeConnectorProvider implements ConnectorProvider {

    /** The option naming the data plan to use. */
    public static final String PLAN_OPTION = "plan";

    @Override
    public ConnectorType type() {
        return ConnectorType.SOBJECT_TREE;
    }

    @Override
    public SourceConnector open(ConnectionSettings settings) {
        if (settings.files() == null || !Files.isDirectory(settings.files())) {
            throw new ConnectorException(
                    "The sObject tree connection needs a folder of JSON files; " + settings.files() + " is none");
        }
        TreeSource source = TreeSource.of(settings.files(), settings.option(PLAN_OPTION));
        if (source.files().isEmpty() && source.problems().isEmpty()) {
            throw new ConnectorException("No sObject tree JSON files in " + settings.files());
        }
        return new SObjectTreeConnector(settings, source);
    }

}
