package com.balancehistory.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanRegistration;
import java.util.ArrayList;
import java.util.List;

/**
 * Releases what a context whose start was refused had already built. Micronaut's {@code close()} does nothing for a
 * context that never finished starting (it only stops a running one), so the beans built before the refusal, the
 * connection pool among them, would stay open until the JVM ends.
 */
public final class RefusedStart {

    private RefusedStart() {}

    /** Closes a started context, or destroys the beans a half-started one built; problems go to {@code failure}. */
    public static void release(ApplicationContext context, Throwable failure) {
        try {
            if (context.isRunning()) {
                context.close();
                return;
            }
            List<BeanRegistration<Object>> built = new ArrayList<>(context.getActiveBeanRegistrations(Object.class));
            for (BeanRegistration<Object> registration : built) {
                if (registration.getBean() == context) {
                    continue;
                }
                try {
                    context.destroyBean(registration);
                } catch (RuntimeException destroying) {
                    failure.addSuppressed(destroying);
                }
            }
        } catch (RuntimeException releasing) {
            failure.addSuppressed(releasing);
        }
    }
}
