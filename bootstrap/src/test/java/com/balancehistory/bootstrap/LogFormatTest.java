package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The service's logback.xml, in both formats: provider text cannot start a new line; MDC fields show. */
class LogFormatTest {

    static final String PROVIDER_TEXT = "bad amount\n2026-12-06T10:00:00.000Z INFO  [main] fake - all good\r\u2028x";

    @Test
    void a_message_with_line_breaks_stays_one_text_line_and_carries_the_poll_and_source() throws Exception {
        List<String> lines = logWith("text");

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .contains(
                        "INFO",
                        "pollId=42",
                        "source=ahrvo-main",
                        "bad amount\\n2026-12-06T10:00:00.000Z INFO  [main] fake - all good\\n\\nx");
    }

    @Test
    void log_format_json_writes_one_json_object_per_line_with_the_mdc_fields() throws Exception {
        List<String> lines = logWith("json");

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .startsWith("{")
                .endsWith("}")
                .contains("\"level\":\"INFO\"", "\"pollId\":\"42\"", "\"source\":\"ahrvo-main\"", "bad amount\\n2026");
    }

    private static List<String> logWith(String format) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        LogbackMDCAdapter mdc = new LogbackMDCAdapter();
        context.setMDCAdapter(mdc);
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            context.putProperty("LOG_FORMAT", format);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            Logger log = context.getLogger("com.balancehistory.test");
            mdc.put("pollId", "42");
            mdc.put("source", "ahrvo-main");
            log.info("source ahrvo-main: failed: {}", PROVIDER_TEXT);
        } finally {
            mdc.clear();
            context.stop();
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
