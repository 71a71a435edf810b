package dev.switchyard.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Validating a run through the API, as a tester's script would: start it, poll it until
 * it ends.
 */
public final class Validations {

    private Validations() {
    }

    /**
     * @param mvc the application
     * @param auth who validates
     * @param run the run
     * @param body the request body, or null for a full validation
     * @return the validation's JSON once it has ended (completed, could not verify or
     * failed)
     * @throws AssertionError when it does not end within 60 s
     */
    public static String validate(MockMvc mvc, RequestPostProcessor auth, long run, String body) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/runs/" + run + "/validations").with(auth);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        String started = mvc.perform(request)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
        long id = ((Number) JsonPath.read(started, "$.id")).longValue();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            String json = mvc.perform(get("/api/v1/validations/" + id).with(auth))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
            if (List.of("COMPLETED", "COULD_NOT_VERIFY", "FAILED").contains(JsonPath.<String>read(json, "$.status"))) {
                return json;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Validation " + id + " of run " + run + " did not finish");
    }

}
