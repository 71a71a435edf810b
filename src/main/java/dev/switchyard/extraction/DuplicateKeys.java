package dev.switchyard.extraction;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.ObjectSchema;

/**
 * Which fields of an object identify a party for duplicate detection: a name (or first
 * and last name), an e-mail, a phone and a web site, found by their usual names.
 *
 * @param name the name field, or null
 * @param firstName the first-name field, or null
 * @param lastName the last-name field, or null
 * @param email the e-mail field, or null
 * @param phone the phone field, or null
 * @param website the web-site field, or null
 */
record DuplicateKeys(String name, String firstName, String lastName, String email, String phone, String website) {

    /**
     * @param object an object
     * @return its key fields, or null when it has no name and no e-mail
     */
    static DuplicateKeys of(ObjectSchema object) {
        List<String> names = object.fields().stream().map(FieldSchema::name).toList();
        String first = find(names, "firstname", "first_name");
        String last = find(names, "lastname", "last_name");
        // a person is named by first and last name; an account or company name on a
        // person's record is their employer's, shared by colleagues
        String name = (first != null && last != null) ? find(names, "name", "full_name")
                : find(names, "name", "account_name", "accountname", "company", "company_name", "full_name");
        String email = find(names, "email", "e_mail", "email_address", "personemail");
        String phone = find(names, "phone", "phone_number", "telephone");
        String website = find(names, "website", "web_site", "web", "url", "domain");
        if (name == null && last == null && email == null) {
            return null;
        }
        return new DuplicateKeys(name, first, last, email, phone, website);
    }

    String nameOf(Map<String, Object> values) {
        if (this.name != null) {
            return text(values.get(this.name));
        }
        String first = (this.firstName != null) ? text(values.get(this.firstName)) : null;
        String last = (this.lastName != null) ? text(values.get(this.lastName)) : null;
        if (first == null) {
            return last;
        }
        return (last == null) ? first : first + " " + last;
    }

    String value(Map<String, Object> values, String field) {
        return (field != null) ? text(values.get(field)) : null;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static String find(List<String> names, String... candidates) {
        for (String candidate : candidates) {
            for (String name : names) {
                if (name.toLowerCase(Locale.ROOT).equals(candidate)) {
                    return name;
                }
            }
        }
        return null;
    }

}
