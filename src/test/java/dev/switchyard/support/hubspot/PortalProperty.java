package dev.switchyard.support.hubspot;

import java.util.List;

/**
 * A property of the stub portal, as the properties endpoint describes it (contract §2.3).
 *
 * @param name the name
 * @param type {@code string|number|date|datetime|enumeration|bool}
 * @param fieldType the form field type ({@code text}, {@code select}, {@code checkbox},
 * …)
 * @param options the enumeration's values, or empty
 * @param unique whether it has a unique value (usable as {@code idProperty})
 * @param calculated whether HubSpot computes it
 * @param readOnlyValue whether its value cannot be set
 */
public record PortalProperty(String name, String type, String fieldType, List<String> options, boolean unique,
        boolean calculated, boolean readOnlyValue) {

    public PortalProperty {
        options = List.copyOf(options);
    }

    static PortalProperty text(String name) {
        return new PortalProperty(name, "string", "text", List.of(), false, false, false);
    }

    static PortalProperty unique(String name) {
        return new PortalProperty(name, "string", "text", List.of(), true, false, false);
    }

    static PortalProperty of(String name, String type, String fieldType) {
        return new PortalProperty(name, type, fieldType, List.of(), false, false, false);
    }

    static PortalProperty select(String name, String... options) {
        return new PortalProperty(name, "enumeration", "select", List.of(options), false, false, false);
    }

    static PortalProperty readOnly(String name, String type, String fieldType) {
        return new PortalProperty(name, type, fieldType, List.of(), false, false, true);
    }

    static PortalProperty calculated(String name) {
        return new PortalProperty(name, "number", "calculation_equation", List.of(), false, true, true);
    }

}
