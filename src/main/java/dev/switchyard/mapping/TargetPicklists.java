package dev.switchyard.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.switchyard.connection.ConnectionService;
import dev.switchyard.connector.ConnectorException;
import dev.switchyard.connector.ConnectorRegistry;
import dev.switchyard.connector.ExtractWindow;
import dev.switchyard.connector.ExtractionProblem;
import dev.switchyard.connector.ExtractionSink;
import dev.switchyard.connector.SourceConnector;
import dev.switchyard.connector.SourceRecord;
import dev.switchyard.dictionary.DictionaryField;
import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.system.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * The values a target field allows: those its schema declares (CHECK … IN, enum types),
 * or, when the mapping designates a lookup table as the field's picklist source, the
 * values of that table's column, read from the target.
 */
@Component
public class TargetPicklists {

    /** The most values read from a lookup table. */
    static final int MAX_VALUES = 5_000;

    private final ConnectionService connections;

    private final ConnectorRegistry connectors;

    TargetPicklists(ConnectionService connections, ConnectorRegistry connectors) {
        this.connections = connections;
        this.connectors = connectors;
    }

    /**
     * @param inputs the dictionaries
     * @param document the mapping (for its picklist sources)
     * @param object a target object
     * @param field one of its fields
     * @return the allowed values, empty when the field is not a picklist
     * @throws InvalidInputException when a designated lookup table cannot be read
     */
    public List<String> allowed(MappingInputs.Inputs inputs, MappingDocument document, String object, String field) {
        Optional<PicklistSource> source = document.picklistSource(object, field);
        if (source.isPresent()) {
            return lookup(inputs, source.get());
        }
        DictionaryObject target = inputs.targetObject(object).orElse(null);
        return MappingInputs.Inputs.field(target, field).map(TargetPicklists::declared).orElse(List.of());
    }

    static List<String> declared(DictionaryField field) {
        List<String> values = new ArrayList<>();
        for (Map<String, Object> value : field.picklistValues()) {
            Object text = value.get("value");
            if (text != null) {
                values.add(text.toString());
            }
        }
        return values;
    }

    /**
     * @param inputs the dictionaries
     * @param source a lookup table designation
     * @return the distinct non-blank values of its column, in table order
     */
    public List<String> lookup(MappingInputs.Inputs inputs, PicklistSource source) {
        if (inputs.targetConnectionId() == null) {
            throw new InvalidInputException("picklistSources",
                    "There is no target connection to read the lookup table " + source.table() + " from");
        }
        DictionaryObject table = inputs.targetObject(source.table())
            .orElseThrow(() -> new InvalidInputException("picklistSources", "The target has no table " + source.table()
                    + " (picklist source of " + source.object() + "." + source.field() + ")"));
        DictionaryField column = MappingInputs.Inputs.field(table, source.column())
            .orElseThrow(() -> new InvalidInputException("picklistSources",
                    "The lookup table " + table.name() + " has no column " + source.column()));
        Set<String> values = new LinkedHashSet<>();
        try (SourceConnector connector = this.connectors
            .open(this.connections.settings(this.connections.get(inputs.targetConnectionId())))) {
            connector.extract(table.name(), ExtractWindow.full(), new ExtractionSink() {
                @Override
                public void accept(SourceRecord record) {
                    Object value = record.values().get(column.name());
                    if (value != null && !value.toString().isBlank() && values.size() < MAX_VALUES) {
                        values.add(value.toString().strip());
                    }
                }

                @Override
                public void problem(ExtractionProblem problem) {
                    // a row that cannot be read offers no value
                }
            });
        }
        catch (ConnectorException ex) {
            throw new InvalidInputException("picklistSources",
                    "Could not read the lookup table " + table.name() + ": " + ex.getMessage());
        }
        catch (RuntimeException ex) {
            throw new InvalidInputException("picklistSources",
                    "Could not read the lookup table " + table.name() + ": " + ex.getMessage());
        }
        return List.copyOf(values);
    }

}
