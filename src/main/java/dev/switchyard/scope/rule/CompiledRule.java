package dev.switchyard.scope.rule;

import java.util.List;

/**
 * SQL over the alias {@code s} (a {@code staged_record} row) with its positional
 * parameters, in order.
 *
 * @param sql the SQL fragment, with {@code ?} placeholders
 * @param params the values of the placeholders, in order
 */
public record CompiledRule(String sql, List<Object> params) {

    public CompiledRule {
        params = List.copyOf(params);
    }

}
