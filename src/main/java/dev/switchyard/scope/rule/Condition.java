package dev.switchyard.scope.rule;

/**
 * One condition of a record rule, as a form builds it.
 *
 * @param field the field of the rule's object it tests; null for
 * {@link Operator#HAS_RELATED} and {@link Operator#HAS_NO_RELATED}
 * @param operator how it tests
 * @param value the value to compare with, when the operator takes one
 * ({@code ;}-separated for {@link Operator#IN}); dates as {@code yyyy-mm-dd}
 * @param relatedObject for the related-record operators: the other object, e.g.
 * {@code Opportunity}
 * @param relatedField for the related-record operators: the other object's field that
 * holds this record's id, e.g. {@code AccountId}
 */
public record Condition(String field, Operator operator, String value, String relatedObject, String relatedField) {

    /**
     * @param field the field
     * @param operator how it tests
     * @param value the value, or null
     * @return a condition on a field of the rule's object
     */
    public static Condition of(String field, Operator operator, String value) {
        return new Condition(field, operator, value, null, null);
    }

    /**
     * @param relatedObject the other object
     * @param relatedField its field holding this record's id
     * @return a condition that the record has related records
     */
    public static Condition hasRelated(String relatedObject, String relatedField) {
        return new Condition(null, Operator.HAS_RELATED, null, relatedObject, relatedField);
    }

    /**
     * @param relatedObject the other object
     * @param relatedField its field holding this record's id
     * @return a condition that the record has no related records
     */
    public static Condition hasNoRelated(String relatedObject, String relatedField) {
        return new Condition(null, Operator.HAS_NO_RELATED, null, relatedObject, relatedField);
    }

}
