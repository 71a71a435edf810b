package dev.switchyard.support;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A project mapped from the mashmatrix export into the demo destination schema: every
 * suggestion accepted, then what suggestions cannot decide curated (the fictitious phone
 * numbers copied as written, the one unmatched account type, industries defaulting to
 * Other).
 */
public final class MappingSteps {

    private MappingSteps() {
    }

    /**
     * Saves the curated mapping of the mashmatrix export into the demo schema.
     * @param mvc the application
     * @param projectId a project with the export extracted and the demo schema as the
     * sandbox target
     * @param auth an analyst
     * @return the saved document as JSON
     */
    public static String mapMashmatrix(MockMvc mvc, long projectId, RequestPostProcessor auth) throws Exception {
        String base = "/api/v1/projects/" + projectId + "/mapping";
        mvc.perform(put(base).with(auth).contentType(MediaType.APPLICATION_JSON).content(PICKLIST_SOURCES))
            .andExpect(status().isOk());
        String suggested = mvc.perform(post(base + "/suggest").with(auth))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return mvc.perform(put(base).with(auth).contentType(MediaType.APPLICATION_JSON).content(curated(suggested)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    }

    /** The first document to save, before asking for suggestions. */
    public static final String PICKLIST_SOURCES = """
            {"version": 0, "picklistSources": [
              {"object": "companies", "field": "industry", "table": "industries", "column": "code"}]}""";

    /**
     * @param suggested the answer of {@code POST …/mapping/suggest}
     * @return the suggested mapping with what suggestions cannot decide curated, ready to
     * save
     */
    public static String curated(String suggested) {
        DocumentContext mapping = JsonPath.parse(JsonPath.parse(suggested).read("$.mapping", Object.class));
        Object trim = JsonPath.parse("[{\"type\": \"trim\", \"collapseSpaces\": true}]").json();
        mapping.set("$.objects[*].fields[?(@.target=='phone')].transforms", trim);
        mapping.set("$.objects[?(@.target=='people')].fields[?(@.target=='mobile_phone')].transforms", trim);
        mapping.put("$.objects[?(@.target=='companies')].fields[?(@.target=='type')].transforms[0].values",
                "Old Customer", "former customer");
        mapping.put("$.objects[?(@.target=='companies')].fields[?(@.target=='industry')].transforms[0]", "defaultValue",
                "Other");
        return mapping.jsonString();
    }

}
