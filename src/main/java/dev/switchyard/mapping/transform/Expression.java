package dev.switchyard.mapping.transform;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.expression.EvaluationException;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * A small expression for the rare mapping the other transforms cannot express, in
 * Spring's expression language (SpEL) restricted to read-only data binding. The
 * expression sees the step's input as {@code #value} and the source record as
 * {@code #record} (a read-only map: {@code #record['Name']}), e.g.
 * {@code #record['IsWon'] == '1' ? 'Won' : #value}.
 *
 * <p>
 * Safety: the expression is evaluated with
 * {@link SimpleEvaluationContext#forReadOnlyDataBinding()} and nothing else — no type
 * references ({@code T(java.lang.Runtime)}), no constructors ({@code new ...}), no bean
 * references ({@code @bean}), no method calls (instance methods are deliberately not
 * enabled, so neither {@code #value.getClass()} nor {@code #value.toUpperCase()}), no
 * assignment, and property access only through public getters other than those of
 * {@code Object} and {@code Class}. Operators, literals, the ternary and Elvis operators
 * ({@code ?:}), indexing of maps and lists and the safe-navigation operator work.
 *
 * <p>
 * The expression is parsed once, when the record is made (a syntax error is an
 * {@link IllegalArgumentException} naming the expression), and shared by equal records;
 * an evaluation error is a {@link TransformException} for that record.
 *
 * <p>
 * JSON: {@code {"type":"expression","expression":"#value ?: #record['Name']"}}.
 *
 * @param expression the SpEL expression
 */
public record Expression(String expression) implements Transform {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();

    private static final Map<String, org.springframework.expression.Expression> PARSED = new ConcurrentHashMap<>();

    public Expression {
        Objects.requireNonNull(expression, "expression");
        parsed(expression);
    }

    private static org.springframework.expression.Expression parsed(String expression) {
        org.springframework.expression.Expression parsed = PARSED.get(expression);
        if (parsed == null) {
            try {
                parsed = PARSER.parseExpression(expression);
            }
            catch (ParseException | IllegalStateException ex) {
                throw new IllegalArgumentException("Invalid expression '" + expression + "': " + ex.getMessage(), ex);
            }
            PARSED.putIfAbsent(expression, parsed);
        }
        return parsed;
    }

    @Override
    public Object apply(Object value, TransformContext context) {
        SimpleEvaluationContext evaluation = SimpleEvaluationContext.forReadOnlyDataBinding().build();
        evaluation.setVariable("value", value);
        evaluation.setVariable("record",
                (context.record() != null) ? Collections.unmodifiableMap(context.record()) : Map.of());
        try {
            return parsed(this.expression).getValue(evaluation);
        }
        catch (EvaluationException | IllegalStateException | UnsupportedOperationException ex) {
            throw new TransformException(context, value, describe(), "expression failed: " + ex.getMessage());
        }
    }

    @Override
    public String describe() {
        return "expression " + this.expression;
    }

}
