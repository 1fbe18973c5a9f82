package com.balancehistory.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks the start-up settings that would otherwise end in a stack trace: each configuration file exists and is
 * valid YAML, and LOG_FORMAT is known. The answer is one line naming the file and line.
 */
final class ConfigurationFiles {

    private ConfigurationFiles() {}

    /**
     * @param configFiles {@code MICRONAUT_CONFIG_FILES}: comma-separated paths, optionally {@code file:} prefixed
     * @return what is wrong, in one line, or empty
     */
    static Optional<String> problem(Optional<String> configFiles, Optional<String> logFormat) {
        if (logFormat.isPresent()
                && !logFormat.get().isBlank()
                && !logFormat.get().equals("text")
                && !logFormat.get().equals("json")) {
            return Optional.of("LOG_FORMAT must be text or json, got '" + logFormat.get() + "'");
        }
        for (String entry : configFiles.orElse("").split(",")) {
            String name = entry.strip();
            if (name.isEmpty() || name.startsWith("classpath:")) {
                continue;
            }
            Path file = Path.of(name.startsWith("file:") ? name.substring("file:".length()) : name);
            if (!Files.isRegularFile(file)) {
                return Optional.of("configuration file " + file + " (MICRONAUT_CONFIG_FILES) does not exist");
            }
            if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                Optional<String> yamlProblem = yamlProblem(file);
                if (yamlProblem.isPresent()) {
                    return yamlProblem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> yamlProblem(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).forEach(document -> {});
            return Optional.empty();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            return Optional.of("configuration file " + file + ", line " + (mark.getLine() + 1) + ", column "
                    + (mark.getColumn() + 1) + ": " + e.getProblem());
        } catch (YAMLException e) {
            return Optional.of("configuration file " + file + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            return Optional.of("configuration file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
