package dev.switchyard.dictionary;

import java.util.List;
import java.util.Map;

import dev.switchyard.connector.FieldSchema;
import dev.switchyard.connector.FieldType;
import dev.switchyard.connector.ObjectSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDictionaryTests {

    @Test
    void keepsWhatASystemDeclaresBeyondTheColumnsUnderDeclared() {
        FieldSchema rating = new FieldSchema("Rating", "picklist", FieldType.PICKLIST, 255, false, false, false, null,
                List.of("Hot"), Map.of("restrictedPicklist", true));
        ObjectSchema account = new ObjectSchema("Account", null, List.of(rating), null, "Salesforce Account",
                Map.of("validationRules", List.of(Map.of("name", "Name_Not_Test"))));
        DictionaryObject object = SchemaDictionary.of(account);
        assertThat(object.profile()).containsEntry(SchemaDictionary.DECLARED,
                Map.of("validationRules", List.of(Map.of("name", "Name_Not_Test"))));
        assertThat(object.fields().get(0).profile()).containsEntry(SchemaDictionary.DECLARED,
                Map.of("restrictedPicklist", true));
    }

    @Test
    void addsNothingForFilesAndDatabasesWhichDeclareNoMore() {
        ObjectSchema table = new ObjectSchema("account", "id",
                List.of(new FieldSchema("id", "int8", FieldType.INTEGER, null, true, true, true, null, List.of())), 3L,
                "public.account");
        DictionaryObject object = SchemaDictionary.of(table);
        assertThat(object.profile()).isEmpty();
        assertThat(object.fields().get(0).profile()).isEmpty();
        assertThat(table.attributes()).isEmpty();
    }

}
