package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationFilesTest {

    @TempDir
    Path dir;

    @Test
    void a_yaml_syntax_error_is_one_line_naming_the_file_and_the_line() throws IOException {
        Path file = Files.writeString(
                dir.resolve("broken.yml"), "balance-history:\n  scheduler:\n    tick: 5s\n" + "  api: keys: [\n");

        Optional<String> problem = ConfigurationFiles.problem(Optional.of(file.toString()), Optional.empty());

        assertThat(problem).hasValueSatisfying(line -> {
            assertThat(line)
                    .startsWith("configuration file " + file + ", line 4")
                    .doesNotContain("\n");
        });
    }

    @Test
    void a_missing_configuration_file_is_named() {
        Path missing = dir.resolve("nowhere.yml");

        assertThat(ConfigurationFiles.problem(Optional.of("file:" + missing), Optional.empty()))
                .hasValue("configuration file " + missing + " (MICRONAUT_CONFIG_FILES) does not exist");
    }

    @Test
    void valid_files_classpath_entries_and_known_log_formats_pass_and_an_unknown_log_format_is_named()
            throws IOException {
        Path good = Files.writeString(dir.resolve("good.yml"), "balance-history:\n  scheduler: { tick: 5s }\n");

        assertThat(ConfigurationFiles.problem(Optional.of(good + ",classpath:extra.yml"), Optional.of("json")))
                .isEmpty();
        assertThat(ConfigurationFiles.problem(Optional.empty(), Optional.empty()))
                .isEmpty();
        assertThat(ConfigurationFiles.problem(Optional.empty(), Optional.of("xml")))
                .hasValue("LOG_FORMAT must be text or json, got 'xml'");
    }
}
