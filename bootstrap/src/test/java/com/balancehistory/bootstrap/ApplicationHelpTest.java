package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApplicationHelpTest {

    @Test
    void help_prints_the_usage_with_demo_configuration_files_and_environment_variables_and_starts_nothing() {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Application.main(new String[] {"--help"});
        } finally {
            System.setOut(original);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("Usage:")
                .contains(
                        "--demo",
                        "MICRONAUT_CONFIG_FILES",
                        "DATASOURCES_DEFAULT_URL",
                        "PORT",
                        "LOG_FORMAT",
                        "ENDPOINTS_ALL_PORT");
    }
}
