package dev.switchyard.connector.sobjecttree;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.switchyard.connector.ConnectorException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one sObject-tree file ({@code {"records": [...]}}) as a tree, one file at a time,
 * and hands out its records depth first: each parent before its nested children.
 */
final class TreeFileReader {

    static final JsonMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();

    private final Map<String, String> idFields;

    /**
     * @param idFields the id field per object; other objects use the reference id
     */
    TreeFileReader(Map<String, String> idFields) {
        this.idFields = idFields;
    }

    /**
     * @param file the file
     * @param records receives each record
     * @throws ConnectorException when the file is not valid JSON or not a tree file
     */
    void read(TreeFile file, Consumer<TreeRecord> records) {
        JsonNode root;
        try {
            root = JSON.readTree(file.path());
        }
        catch (JacksonException ex) {
            throw new ConnectorException(file.name() + " is not valid JSON: " + ex.getOriginalMessage(), ex);
        }
        if (root == null || !isTree(root)) {
            throw new ConnectorException(file.name() + " is not an sObject tree file: it has no \"records\" array");
        }
        walk(root, file, file.sobject(), null, new int[1], records);
    }

    private void walk(JsonNode tree, TreeFile file, String defaultType, TreeRecord parent, int[] ordinal,
            Consumer<TreeRecord> records) {
        for (JsonNode node : tree.get("records").values()) {
            ordinal[0]++;
            JsonNode attributes = node.path("attributes");
            String type = attributes.path("type").asString(defaultType);
            String referenceId = attributes.path("referenceId").asString(null);
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            Map<String, JsonNode> children = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!"attributes".equals(field.getKey())) {
                    (isTree(field.getValue()) ? children : fields).put(field.getKey(), field.getValue());
                }
            }
            String idField = idField(type);
            TreeRecord record = new TreeRecord(type, idField, referenceId, id(idField, referenceId, fields), file,
                    ordinal[0], fields, (parent != null) ? parent.type() : null, (parent != null) ? parent.id() : null);
            records.accept(record);
            children.values().forEach((child) -> walk(child, file, null, record, ordinal, records));
        }
    }

    private String idField(String type) {
        String configured = (type != null) ? this.idFields.get(type) : null;
        return (configured != null) ? configured : TreeIndex.REFERENCE_ID;
    }

    private static String id(String idField, String referenceId, Map<String, JsonNode> fields) {
        if (TreeIndex.REFERENCE_ID.equals(idField)) {
            return referenceId;
        }
        JsonNode value = fields.get(idField);
        return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
    }

    private static boolean isTree(JsonNode node) {
        return node.isObject() && node.path("records").isArray();
    }

}
