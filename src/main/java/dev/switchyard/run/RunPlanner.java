package dev.switchyard.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.switchyard.dictionary.DictionaryObject;
import dev.switchyard.mapping.FieldMapping;
import dev.switchyard.mapping.MappingDocument;
import dev.switchyard.mapping.MappingInputs;
import dev.switchyard.mapping.ObjectMapping;
import dev.switchyard.mapping.transform.Reference;
import dev.switchyard.system.InvalidInputException;

/**
 * Orders object mappings for loading: a mapping whose fields reference another mapped
 * object loads after it (topologically, ties in the mapping's own order). References that
 * close a cycle — a self reference, or objects referencing each other — cannot wait for
 * their parent, so the records load without them first and the second pass sets them once
 * every record has a target id.
 */
public final class RunPlanner {

    private RunPlanner() {
    }

    /**
     * @param document the mapping
     * @param inputs the dictionaries (for the target's primary keys)
     * @return the plan
     * @throws InvalidInputException when there is nothing to load or a target has no
     * primary key
     */
    public static RunPlan plan(MappingDocument document, MappingInputs.Inputs inputs) {
        List<ObjectMapping> objects = document.objects();
        if (objects.isEmpty()) {
            throw new InvalidInputException("mapping", "Nothing is mapped yet: map at least one object first");
        }
        int n = objects.size();
        // edges child → parents, labelled with the child's reference field
        List<List<int[]>> edges = new ArrayList<>();
        List<List<String>> fieldsOf = new ArrayList<>();
        for (ObjectMapping object : objects) {
            List<int[]> out = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (FieldMapping field : object.fields()) {
                Reference reference = field.reference();
                if (reference == null) {
                    continue;
                }
                for (int p = 0; p < n; p++) {
                    if (objects.get(p).source().equalsIgnoreCase(reference.targetObject())) {
                        out.add(new int[] { p, labels.size() });
                        labels.add(field.target());
                    }
                }
            }
            edges.add(out);
            fieldsOf.add(labels);
        }
        int[] component = components(n, edges);
        List<Set<String>> deferred = new ArrayList<>();
        List<Set<Integer>> parents = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            Set<String> late = new LinkedHashSet<>();
            Set<Integer> before = new LinkedHashSet<>();
            for (int[] edge : edges.get(c)) {
                if (component[edge[0]] == component[c]) {
                    late.add(fieldsOf.get(c).get(edge[1]));
                }
                else {
                    before.add(edge[0]);
                }
            }
            deferred.add(late);
            parents.add(before);
        }
        List<Integer> order = new ArrayList<>();
        boolean[] placed = new boolean[n];
        while (order.size() < n) {
            boolean progress = false;
            for (int i = 0; i < n; i++) {
                if (!placed[i] && parents.get(i).stream().allMatch((p) -> placed[p])) {
                    placed[i] = true;
                    order.add(i);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("cycle left after deferring cyclic references");
            }
        }
        List<RunPlan.Step> steps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i : order) {
            ObjectMapping object = objects.get(i);
            DictionaryObject target = inputs.targetObject(object.target())
                .orElseThrow(() -> new InvalidInputException("mapping",
                        "The target has no object " + object.target() + ": fix the mapping before running"));
            if (target.idField() == null) {
                throw new InvalidInputException("mapping", "The target object " + object.target()
                        + " has no primary key: a run cannot give its records ids in the cross-reference");
            }
            if (object.matchKey() == null) {
                warnings.add(object.label() + " has no match key: records are only inserted, and a run that crashes "
                        + "mid-chunk could leave duplicates in " + object.target());
            }
            if (!deferred.get(i).isEmpty()) {
                warnings.add(object.label() + ": " + String.join(", ", deferred.get(i))
                        + " closes a reference cycle, so it is set in a second pass once every record is loaded");
            }
            steps.add(new RunPlan.Step(object.source(), object.target(), object.matchKey(), target.idField(),
                    parents.get(i).stream().map((p) -> objects.get(p).source()).distinct().toList(),
                    List.copyOf(deferred.get(i))));
        }
        return new RunPlan(steps, warnings);
    }

    /**
     * Tarjan's strongly connected components.
     * @return the component of each node
     */
    private static int[] components(int n, List<List<int[]>> edges) {
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        java.util.Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        int[] counter = { 0, 0 };
        for (int v = 0; v < n; v++) {
            if (index[v] < 0) {
                connect(v, edges, index, low, component, onStack, stack, counter);
            }
        }
        return component;
    }

    private static void connect(int v, List<List<int[]>> edges, int[] index, int[] low, int[] component,
            boolean[] onStack, Deque<Integer> stack, int[] counter) {
        index[v] = counter[0];
        low[v] = counter[0];
        counter[0]++;
        stack.push(v);
        onStack[v] = true;
        for (int[] edge : edges.get(v)) {
            int w = edge[0];
            if (index[w] < 0) {
                connect(w, edges, index, low, component, onStack, stack, counter);
                low[v] = Math.min(low[v], low[w]);
            }
            else if (onStack[w]) {
                low[v] = Math.min(low[v], index[w]);
            }
        }
        if (low[v] == index[v]) {
            int w;
            do {
                w = stack.pop();
                onStack[w] = false;
                component[w] = counter[1];
            }
            while (w != v);
            counter[1]++;
        }
    }

}
