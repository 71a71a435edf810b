package dev.switchyard.mapping;

import com.jayway.jsonpath.JsonPath;
import dev.switchyard.admin.AppUser;
import dev.switchyard.project.Project;
import dev.switchyard.support.Fixtures;
import dev.switchyard.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two analysts editing the mapping in forms at once: edits of different fields both land;
 * an edit of a field someone else changed meanwhile is refused with who and when, and the
 * form keeps what was typed.
 */
@IntegrationTest
class MappingWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void concurrentFormEditsMergeOrConflictWithoutLosingInput() throws Exception {
        AppUser first = this.fixtures.user("ana");
        AppUser second = this.fixtures.user("bea");
        Project project = this.fixtures.project(first.getUsername());
        this.fixtures.grant(project, second.getUsername(), "ANALYST");
        String api = "/api/v1/projects/" + project.getId() + "/mapping";
        this.mvc
            .perform(put(api).with(httpBasic(first.getUsername(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"version": 0, "objects": [{"source": "Account", "target": "companies",
                          "fields": [{"target": "name", "sources": ["Name"]}]}]}"""))
            .andExpect(status().isOk());
        String form = "/projects/" + project.getId() + "/mapping/field?source=Account&target=companies";

        // both opened version 1; the first changes name, the second maps website
        this.mvc
            .perform(post(form).with(this.fixtures.login(first.getUsername()))
                .with(csrf())
                .param("version", "1")
                .param("field", "name")
                .param("originalField", "name")
                .param("input", "Name")
                .param("steps[0].type", "trim")
                .param("steps[0].params[collapseSpaces]", "true"))
            .andExpect(status().is3xxRedirection());
        this.mvc
            .perform(post(form).with(this.fixtures.login(second.getUsername()))
                .with(csrf())
                .param("version", "1")
                .param("field", "website")
                .param("input", "Website"))
            .andExpect(status().is3xxRedirection());
        String saved = this.mvc.perform(get(api).with(httpBasic(first.getUsername(), Fixtures.PASSWORD)))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((Integer) JsonPath.read(saved, "$.version")).isEqualTo(3);
        assertThat((String) JsonPath.read(saved, "$.objects[0].fields[0].transforms[0].type")).isEqualTo("trim");
        assertThat((String) JsonPath.read(saved, "$.objects[0].fields[1].target")).isEqualTo("website");

        // the second, still on version 1, now edits name too: refused, input kept
        this.mvc
            .perform(post(form).with(this.fixtures.login(second.getUsername()))
                .with(csrf())
                .param("version", "1")
                .param("field", "name")
                .param("originalField", "name")
                .param("input", "Name")
                .param("note", "my careful note"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Not saved")))
            .andExpect(content().string(containsString("version 2 was saved by " + first.getUsername())))
            .andExpect(content().string(containsString("my careful note")));
        String after = this.mvc.perform(get(api).with(httpBasic(first.getUsername(), Fixtures.PASSWORD)))
            .andReturn()
            .getResponse()
            .getContentAsString();
        assertThat((Integer) JsonPath.read(after, "$.version")).isEqualTo(3);
    }

}
