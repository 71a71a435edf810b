package dev.switchyard.mapping;

import dev.switchyard.mapping.transform.TransformJson;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Teaches the application's JSON mapper the transforms, so mapping documents (with their
 * chains of transforms) go through the API, the store and the exports in one format.
 */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

    @Bean
    JsonMapperBuilderCustomizer transformTypes() {
        return (builder) -> TransformJson.configure(builder);
    }

}
