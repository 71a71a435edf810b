package dev.switchyard.mapping;

import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.scope.Decision;
import dev.switchyard.scope.rule.CompiledRule;
import dev.switchyard.scope.rule.RecordRule;
import dev.switchyard.scope.rule.RuleCompiler;

/**
 * Compiles an object mapping's source filter to SQL over staged records (alias
 * {@code s}), with the scope's rule compiler.
 */
final class SourceFilters {

    private SourceFilters() {
    }

    /**
     * @param filter a filter, or null
     * @param source the source object's dictionary entry
     * @return the predicate, or null for no filter
     * @throws dev.switchyard.scope.rule.RuleException when it cannot be compiled
     */
    static CompiledRule compile(SourceFilter filter, DictionaryObject source) {
        if (filter == null || filter.conditions().isEmpty()) {
            return null;
        }
        return RuleCompiler.rule(1, new RecordRule(Decision.MIGRATE, filter.match(), filter.conditions()),
                RuleCompiler.types(source));
    }

}
