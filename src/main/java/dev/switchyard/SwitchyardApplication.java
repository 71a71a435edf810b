package dev.switchyard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Switchyard, a CRM data migration workbench.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SwitchyardApplication {

    public static void main(String[] args) {
        SpringApplication.run(SwitchyardApplication.class, args);
    }

}
