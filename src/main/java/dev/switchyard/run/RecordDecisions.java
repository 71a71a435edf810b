package dev.switchyard.run;

import java.util.List;

import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.mapping.ObjectMapping;
import dev.switchyard.scope.Decision;
import dev.switchyard.scope.ScopeLine;
import dev.switchyard.scope.ScopeVersion;
import dev.switchyard.scope.ScopeViews;
import dev.switchyard.scope.rule.CompiledRule;
import dev.switchyard.scope.rule.RecordRule;
import dev.switchyard.scope.rule.RuleCompiler;

import org.springframework.stereotype.Component;

/**
 * What a scope version and a mapping decide about each staged record of an object, as SQL
 * over a staged row {@code s}: the scope line's decision (MIGRATE, ARCHIVE or EXCLUDE,
 * the first matching rule first) and whether the mapping's source filter takes it. Runs
 * read with it, write archives with it, and preview with it what a scope change removes.
 */
@Component
class RecordDecisions {

    private final ScopeViews scopeViews;

    RecordDecisions(ScopeViews scopeViews) {
        this.scopeViews = scopeViews;
    }

    /**
     * @param scope a scope version, or null (every record migrates)
     * @param object a source object of the snapshot
     * @return the decision as a CASE expression over {@code s}; an object the scope does
     * not name is excluded; null without a scope
     */
    CompiledRule decision(ScopeVersion scope, DictionaryObject object) {
        if (scope == null) {
            return null;
        }
        ScopeLine line = line(scope, object);
        if (line == null) {
            return new CompiledRule("'EXCLUDE'", List.of());
        }
        return RuleCompiler.decision(line.getDecision(), this.scopeViews.rules(line.getRules()),
                RuleCompiler.types(object));
    }

    /**
     * @param scope a scope version, or null
     * @param object a source object
     * @return whether its line archives records: its decision or one of its rules'
     */
    boolean archives(ScopeVersion scope, DictionaryObject object) {
        ScopeLine line = (scope != null) ? line(scope, object) : null;
        if (line == null) {
            return false;
        }
        return line.getDecision() == Decision.ARCHIVE
                || this.scopeViews.rules(line.getRules()).stream().anyMatch((r) -> r.decision() == Decision.ARCHIVE);
    }

    /**
     * @param mapping an object mapping
     * @param object its source object
     * @return the mapping's source filter as a predicate over {@code s}, or null when it
     * has none
     */
    static CompiledRule filter(ObjectMapping mapping, DictionaryObject object) {
        return (mapping.filter() != null) ? RuleCompiler.rule(1,
                new RecordRule(Decision.MIGRATE, mapping.filter().match(), mapping.filter().conditions()),
                RuleCompiler.types(object)) : null;
    }

    private static ScopeLine line(ScopeVersion scope, DictionaryObject object) {
        for (ScopeLine line : scope.getLines()) {
            if (line.getField() == null && line.getObject().equalsIgnoreCase(object.name())) {
                return line;
            }
        }
        return null;
    }

}
