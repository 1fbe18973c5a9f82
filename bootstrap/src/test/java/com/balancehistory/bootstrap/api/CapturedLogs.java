package com.balancehistory.bootstrap.api;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every log line of this JVM from now on, message and exception texts included, kept in memory. Logback is only a
 * runtime dependency of bootstrap, so its ListAppender is attached reflectively.
 */
final class CapturedLogs {

    private final Object appender;

    private CapturedLogs(Object appender) {
        this.appender = appender;
    }

    static CapturedLogs start() {
        try {
            Object context = LoggerFactory.getILoggerFactory();
            Class<?> contextClass = Class.forName("ch.qos.logback.core.Context");
            Object appender = Class.forName("ch.qos.logback.core.read.ListAppender")
                    .getConstructor()
                    .newInstance();
            appender.getClass().getMethod("setContext", contextClass).invoke(appender, context);
            appender.getClass().getMethod("start").invoke(appender);
            Object root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
            Class<?> appenderType = Class.forName("ch.qos.logback.core.Appender");
            root.getClass().getMethod("addAppender", appenderType).invoke(root, appender);
            return new CapturedLogs(appender);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("logback is expected on the test class path", e);
        }
    }

    /** Every captured line: level, logger, formatted message and the messages of any exception chain. */
    synchronized List<String> lines() {
        try {
            List<?> events = new ArrayList<>(
                    (List<?>) appender.getClass().getField("list").get(appender));
            List<String> lines = new ArrayList<>();
            for (Object event : events) {
                StringBuilder line = new StringBuilder();
                line.append(invoke(event, "getLevel"))
                        .append(' ')
                        .append(invoke(event, "getLoggerName"))
                        .append(" - ")
                        .append(invoke(event, "getFormattedMessage"));
                Object proxy = invoke(event, "getThrowableProxy");
                while (proxy != null) {
                    line.append(" | ")
                            .append(invoke(proxy, "getClassName"))
                            .append(": ")
                            .append(invoke(proxy, "getMessage"));
                    proxy = invoke(proxy, "getCause");
                }
                lines.add(line.toString());
            }
            return lines;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The captured logback events themselves. */
    synchronized List<?> events() {
        try {
            return new ArrayList<>(
                    (List<?>) appender.getClass().getField("list").get(appender));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The MDC of every captured event whose formatted message contains {@code text}. */
    synchronized List<java.util.Map<?, ?>> mdcOfLinesContaining(String text) {
        try {
            List<?> events = new ArrayList<>(
                    (List<?>) appender.getClass().getField("list").get(appender));
            List<java.util.Map<?, ?>> found = new ArrayList<>();
            for (Object event : events) {
                if (String.valueOf(invoke(event, "getFormattedMessage")).contains(text)) {
                    found.add((java.util.Map<?, ?>) invoke(event, "getMDCPropertyMap"));
                }
            }
            return found;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invoke(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }
}
