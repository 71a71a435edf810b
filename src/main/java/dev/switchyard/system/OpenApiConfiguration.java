package dev.switchyard.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The automation API's OpenAPI description (served at {@code /v3/api-docs}, browsable at
 * {@code /swagger-ui}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI switchyardOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = (properties != null) ? properties.getVersion() : "dev";
        return new OpenAPI()
            .info(new Info().title("Switchyard automation API")
                .version(version)
                .description("JSON under /api/v1. Authenticate with HTTP Basic or a personal access token "
                        + "(Authorization: Bearer …, created on your profile page). Errors are RFC 9457 problem "
                        + "details: 401 unauthenticated, 403 refused, 404 unknown id, 409 conflict, 422 invalid "
                        + "input. Creations answer 201 with the resource; actions answer 200 with the resulting "
                        + "resource. Background work has a status: QUEUED, RUNNING, COMPLETED, "
                        + "COMPLETED_WITH_ERRORS, FAILED, CANCELLED (runs also PAUSED, INTERRUPTED)."))
            .components(new Components()
                .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("sy_…")))
            .addSecurityItem(new SecurityRequirement().addList("basic"))
            .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

}
