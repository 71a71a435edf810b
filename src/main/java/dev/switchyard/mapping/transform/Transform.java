package dev.switchyard.mapping.transform;

/**
 * One step of a field mapping: a pure function from a value (and the record it belongs
 * to) to a value. The same function makes the value to load and, later, the value that
 * validation expects in the target, so that expected differences never look like defects.
 * A value a transform cannot handle is a {@link TransformException} naming the record,
 * field, value and rule; it never stops the other records.
 *
 * <p>
 * Values are plain Java values: {@code String}, {@code Long}, {@code BigDecimal},
 * {@code Boolean}, {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime},
 * {@code List<String>} (multi-select), or null.
 */
public interface Transform {

    /**
     * @param value the value from the previous step (the source field's value for the
     * first step)
     * @param context the record and the target field
     * @return the new value
     * @throws TransformException when the value cannot be transformed
     */
    Object apply(Object value, TransformContext context);

    /**
     * @return the rule in words, for errors and the mapping form, e.g. "phone to E.164
     * (default region US)"
     */
    String describe();

}
