package dev.switchyard.mapping.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;

/**
 * How transforms are stored as JSON: a Jackson mix-in for {@link Transform} (so the SPI
 * carries no Jackson annotations) that writes each transform as an object with its type
 * name in {@code "type"} and its record components as properties, leaving out nulls, e.g.
 * {@code [{"type":"trim","collapseSpaces":true},{"type":"truncate","length":80}]}.
 *
 * <p>
 * The built-in type names are in {@link #TYPES}. More transforms (from other packages or
 * features) are registered by passing their classes to {@link #mapper(Class...)} or
 * {@link #configure(JsonMapper.Builder, Class...)}: a class's type name is its
 * {@link JsonTypeName} when it has one, and otherwise its simple name in lower kebab case
 * ({@code ParseDate} → {@code parse-date}). A type name not registered is an error on
 * reading, never a silently dropped step.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class TransformJson {

    /** The built-in transforms by type name, in the order of the mapping form. */
    public static final Map<String, Class<? extends Transform>> TYPES = types(Copy.class, Constant.class,
            Concatenate.class, Split.class, Trim.class, ChangeCase.class, RegexReplace.class, DefaultWhenBlank.class,
            NullPolicy.class, Truncate.class, ParseNumber.class, ParseBoolean.class, ParseDate.class, PhoneE164.class,
            NormalizeEmail.class, CountryCode.class, StateCode.class, AddressSplit.class, PicklistMap.class,
            MultiPicklistMap.class, Reference.class, Expression.class);

    private static final TypeReference<List<Transform>> LIST = new TypeReference<>() {
    };

    private TransformJson() {
    }

    /**
     * @param more further transform classes to register besides the built-in ones
     * @return a mapper reading and writing transforms
     */
    public static JsonMapper mapper(Class<?>... more) {
        return configure(JsonMapper.builder(), more).build();
    }

    /**
     * Adds the mix-in and the built-in and given subtypes to a builder, for an
     * application-wide mapper.
     * @param builder the builder
     * @param more further transform classes to register
     * @return the builder
     */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder, Class<?>... more) {
        List<NamedType> types = new ArrayList<>();
        TYPES.forEach((name, type) -> types.add(new NamedType(type, name)));
        Arrays.stream(more).forEach((type) -> types.add(new NamedType(type, typeName(type))));
        return builder.addMixIn(Transform.class, TransformJson.class).registerSubtypes(types.toArray(NamedType[]::new));
    }

    /**
     * @param type a transform class
     * @return its type name: its {@link JsonTypeName}, or its simple name in lower kebab
     * case
     */
    public static String typeName(Class<?> type) {
        JsonTypeName annotation = type.getAnnotation(JsonTypeName.class);
        if (annotation != null && !annotation.value().isEmpty()) {
            return annotation.value();
        }
        return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * @param mapper a mapper from {@link #mapper(Class...)}
     * @param steps transforms
     * @return their JSON array
     */
    public static String write(JsonMapper mapper, List<Transform> steps) {
        return mapper.writerFor(LIST).writeValueAsString(steps);
    }

    /**
     * @param mapper a mapper from {@link #mapper(Class...)}
     * @param json a JSON array of transforms
     * @return the transforms
     * @throws tools.jackson.core.JacksonException when the JSON or a type name is invalid
     */
    public static List<Transform> read(JsonMapper mapper, String json) {
        return mapper.readValue(json, LIST);
    }

    @SafeVarargs
    private static Map<String, Class<? extends Transform>> types(Class<? extends Transform>... types) {
        Map<String, Class<? extends Transform>> map = new LinkedHashMap<>();
        for (Class<? extends Transform> type : types) {
            map.put(typeName(type), type);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

}
