package dev.switchyard.connector.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchyard.connector.ConnectorException;

/**
 * The readable fields of one sObject, in describe order, as queries and value conversion
 * need them.
 *
 * @param name the object's API name
 * @param fields its readable fields (compound and binary fields left out)
 */
public record SObjectDescribe(String name, List<SalesforceField> fields) {

    public SObjectDescribe {
        fields = List.copyOf(fields);
    }

    /**
     * @return the fields by name
     */
    public Map<String, SalesforceField> byName() {
        Map<String, SalesforceField> byName = new LinkedHashMap<>();
        this.fields.forEach((f) -> byName.put(f.name(), f));
        return byName;
    }

    /**
     * @param name a field name, any case
     * @return the field
     */
    public Optional<SalesforceField> field(String name) {
        return this.fields.stream().filter((f) -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * @param name a field name, any case
     * @return the field
     * @throws ConnectorException when the object has no such field
     */
    public SalesforceField require(String name) {
        return field(name)
            .orElseThrow(() -> new ConnectorException("Salesforce object " + this.name + " has no field " + name));
    }

    /**
     * @return the names of the readable fields, comma-separated for a SELECT
     */
    public String selectList() {
        return String.join(", ", this.fields.stream().map(SalesforceField::name).toList());
    }

}
