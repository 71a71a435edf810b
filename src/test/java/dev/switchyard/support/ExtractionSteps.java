package dev.switchyard.support;

import java.time.Duration;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Runs an extraction through the API and waits for it to end, as a client would.
 */
public final class ExtractionSteps {

    private ExtractionSteps() {
    }

    /**
     * Starts an extraction and polls it until it has ended.
     * @param mvc the application
     * @param projectId the project
     * @param mode full or delta
     * @param auth the caller
     * @return the ended extraction as the API shows it
     * @throws Exception when a call fails, or it does not end within a minute
     */
    public static Map<String, Object> extract(MockMvc mvc, long projectId, String mode, RequestPostProcessor auth)
            throws Exception {
        String started = mvc
            .perform(post("/api/v1/projects/" + projectId + "/extractions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\":\"" + mode + "\"}")
                .with(auth))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("QUEUED"))
            .andReturn()
            .getResponse()
            .getContentAsString();
        long id = ((Number) JsonPath.read(started, "$.id")).longValue();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String body = mvc.perform(get("/api/v1/extractions/" + id).with(auth))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
            String state = JsonPath.read(body, "$.status");
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return JsonPath.read(body, "$");
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Extraction " + id + " did not end within 60 s");
    }

}
