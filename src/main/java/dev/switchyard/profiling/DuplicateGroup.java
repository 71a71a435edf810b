package dev.switchyard.profiling;

import java.util.List;
import java.util.Set;

/**
 * Records that are likely the same real-world party.
 *
 * @param recordIds the records' ids (at least two), in the order they were fed
 * @param matchedBy the kinds of keys that linked them
 * @param score the similarity in [0, 1]: 1 when every link is an exact key match, else
 * the weakest Jaro-Winkler similarity of the names linked
 * @param examples up to five of the records with their normalised names
 */
public record DuplicateGroup(List<String> recordIds, Set<MatchKind> matchedBy, double score, List<Example> examples) {

    public DuplicateGroup {
        recordIds = List.copyOf(recordIds);
        matchedBy = Set.copyOf(matchedBy);
        examples = List.copyOf(examples);
    }

}
