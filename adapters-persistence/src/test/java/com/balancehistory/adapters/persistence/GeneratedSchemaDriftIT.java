package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.db.jooq.DefaultSchema;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

/**
 * The jOOQ classes are generated from the migration files without a database; this proves they match what Flyway
 * actually builds in PostgreSQL, so drift between the two fails the build.
 */
class GeneratedSchemaDriftIT {

    private final DSLContext dsl = PersistenceTestSupport.dsl();

    @Test
    void every_generated_table_matches_the_migrated_database_column_for_column() {
        for (Table<?> generated : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            Map<String, String> live = new TreeMap<>(dsl.fetch("""
                            SELECT column_name, data_type FROM information_schema.columns
                            WHERE table_schema = 'public' AND table_name = ?
                            """, generated.getName())
                    .intoMap(r -> r.get(0, String.class), r -> r.get(1, String.class)));
            Map<String, String> expected = new TreeMap<>(Arrays.stream(generated.fields())
                    .collect(Collectors.toMap(
                            Field::getName, f -> postgresType(f.getDataType().getTypeName()))));

            assertThat(live).as("columns of table %s", generated.getName()).isEqualTo(expected);
        }
    }

    @Test
    void every_table_of_the_database_has_generated_classes() {
        // generated views (balance_snapshot) are checked column for column above; here tables against tables
        var generatedNames = Arrays.stream(
                        DefaultSchema.DEFAULT_SCHEMA.getTables().toArray(Table[]::new))
                .filter(table -> table.getTableType().isTable())
                .map(Table::getName)
                .collect(Collectors.toSet());
        var liveTables = dsl.fetch("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND c.relname <> 'flyway_schema_history'
                """).getValues(0, String.class);

        assertThat(generatedNames).containsExactlyInAnyOrderElementsOf(liveTables);
    }

    /** jOOQ's type names (from H2) in information_schema's spelling. */
    private static String postgresType(String jooqType) {
        if (jooqType.endsWith(" array")) {
            return "ARRAY"; // information_schema names every array type so; its element type is in udt_name
        }
        return switch (jooqType) {
            case "varchar", "character varying" -> "character varying";
            case "char", "character" -> "character";
            case "bigint", "int8" -> "bigint";
            case "integer", "int", "int4" -> "integer";
            case "numeric", "decimal" -> "numeric";
            case "boolean" -> "boolean";
            case "date" -> "date";
            case "jsonb", "json" -> "jsonb";
            case "timestamp with time zone", "timestamptz" -> "timestamp with time zone";
            default -> jooqType;
        };
    }
}
