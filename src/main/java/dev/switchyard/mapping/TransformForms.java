package dev.switchyard.mapping;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.switchyard.mapping.transform.Transform;
import dev.switchyard.mapping.transform.TransformJson;
import dev.switchyard.system.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Turns transforms into form fields and back, from their record components, so every
 * transform of the library (and any added later) gets a form without a template of its
 * own: text and numbers as inputs, flags as checkboxes, choices as selects, lists as
 * {@code ;}-separated text, value maps as {@code source => target} lines. A step is built
 * through the same JSON as the stored mapping, so the form can never make a transform the
 * API could not.
 */
@Component
public class TransformForms {

    private final JsonMapper json;

    private final Map<String, TypeInfo> types = new LinkedHashMap<>();

    TransformForms(JsonMapper json) {
        this.json = json;
        TransformJson.TYPES.forEach((name, type) -> this.types.put(name, new TypeInfo(name, params(type))));
    }

    /**
     * @return the transform types in library order
     */
    public List<TypeInfo> types() {
        return List.copyOf(this.types.values());
    }

    /**
     * @param type a type name
     * @return its parameters, none for an unknown type
     */
    public List<Param> params(String type) {
        TypeInfo info = (type != null) ? this.types.get(type) : null;
        return (info != null) ? info.params() : List.of();
    }

    private static List<Param> params(Class<?> type) {
        List<Param> params = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> raw = component.getType();
            Kind kind;
            List<String> options = List.of();
            if (raw == boolean.class || raw == Boolean.class) {
                kind = Kind.FLAG;
            }
            else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
                kind = Kind.NUMBER;
            }
            else if (raw.isEnum()) {
                kind = Kind.CHOICE;
                options = Arrays.stream(raw.getEnumConstants()).map((c) -> ((Enum<?>) c).name()).toList();
            }
            else if (List.class.isAssignableFrom(raw)) {
                kind = Kind.LIST;
            }
            else if (Map.class.isAssignableFrom(raw)) {
                kind = Kind.MAP;
            }
            else {
                kind = Kind.TEXT;
            }
            params.add(new Param(component.getName(), kind, options, isRequired(component.getGenericType(), raw)));
        }
        return params;
    }

    private static boolean isRequired(Type generic, Class<?> raw) {
        return raw.isPrimitive() && !(generic instanceof ParameterizedType);
    }

    /**
     * @param step a transform
     * @return its form
     */
    public StepForm toForm(Transform step) {
        JsonNode node = this.json.valueToTree(new Transform[] { step }).get(0);
        String type = node.get("type").asString();
        Map<String, String> values = new LinkedHashMap<>();
        for (Param param : params(type)) {
            JsonNode value = node.get(param.name());
            if (value == null || value.isNull()) {
                continue;
            }
            switch (param.kind()) {
                case LIST -> {
                    List<String> items = new ArrayList<>();
                    value.forEach((item) -> items.add(item.asString()));
                    values.put(param.name(), String.join("; ", items));
                }
                case MAP -> {
                    StringBuilder lines = new StringBuilder();
                    value.properties()
                        .forEach((entry) -> lines.append(entry.getKey())
                            .append(" => ")
                            .append(entry.getValue().asString())
                            .append('\n'));
                    values.put(param.name(), lines.toString());
                }
                default -> values.put(param.name(), value.asString());
            }
        }
        return new StepForm(type, values);
    }

    /**
     * @param forms the steps as filled in
     * @return the transforms
     * @throws InvalidInputException naming the step and what is wrong with it
     */
    public List<Transform> fromForms(List<StepForm> forms) {
        List<Transform> steps = new ArrayList<>();
        int number = 0;
        for (StepForm form : forms) {
            number++;
            if (form == null || form.getType() == null || form.getType().isBlank()) {
                continue;
            }
            steps.add(fromForm(number, form));
        }
        return steps;
    }

    private Transform fromForm(int number, StepForm form) {
        String type = form.getType().trim();
        if (!this.types.containsKey(type)) {
            throw new InvalidInputException("steps", "Step " + number + ": there is no transform '" + type + "'");
        }
        ObjectNode node = this.json.createObjectNode();
        node.put("type", type);
        for (Param param : params(type)) {
            String text = form.getParams().get(param.name());
            boolean blank = text == null || text.isEmpty();
            switch (param.kind()) {
                case FLAG -> node.put(param.name(), text != null && (text.equals("true") || text.equals("on")));
                case NUMBER -> {
                    if (!blank) {
                        try {
                            node.put(param.name(), Integer.parseInt(text.trim()));
                        }
                        catch (NumberFormatException ex) {
                            throw new InvalidInputException("steps", "Step " + number + " (" + type + "): "
                                    + param.name() + " must be a whole number, not '" + text + "'");
                        }
                    }
                    else if (param.required()) {
                        node.put(param.name(), 0);
                    }
                }
                case LIST -> {
                    ArrayNode list = node.putArray(param.name());
                    if (!blank) {
                        Arrays.stream(text.split(";")).map(String::trim).filter((s) -> !s.isEmpty()).forEach(list::add);
                    }
                }
                case MAP -> {
                    ObjectNode map = node.putObject(param.name());
                    if (!blank) {
                        int line = 0;
                        for (String row : text.split("\r?\n")) {
                            line++;
                            if (row.isBlank()) {
                                continue;
                            }
                            int arrow = row.indexOf("=>");
                            if (arrow < 0) {
                                throw new InvalidInputException("steps", "Step " + number + " (" + type + "), "
                                        + param.name() + " line " + line + ": write source value => target value");
                            }
                            map.put(row.substring(0, arrow).trim(), row.substring(arrow + 2).trim());
                        }
                    }
                }
                default -> {
                    if (!blank) {
                        node.put(param.name(), text);
                    }
                }
            }
        }
        try {
            return this.json.treeToValue(node, Transform.class);
        }
        catch (RuntimeException ex) {
            Throwable cause = ex;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            String reason = (cause instanceof IllegalArgumentException) ? cause.getMessage()
                    : dev.switchyard.system.JsonErrors.reason(ex).replaceFirst("^: ", "");
            throw new InvalidInputException("steps", "Step " + number + " (" + type + "): " + reason);
        }
    }

    /**
     * A transform type and its parameters.
     *
     * @param name its type name
     * @param params its parameters in order
     */
    public record TypeInfo(String name, List<Param> params) {
    }

    /**
     * A parameter of a transform.
     *
     * @param name its name
     * @param kind how it is edited
     * @param options the choices, for {@link Kind#CHOICE}
     * @param required whether it must be given
     */
    public record Param(String name, Kind kind, List<String> options, boolean required) {
    }

    /**
     * How a parameter is edited.
     */
    public enum Kind {

        TEXT, NUMBER, FLAG, CHOICE, LIST, MAP

    }

}
