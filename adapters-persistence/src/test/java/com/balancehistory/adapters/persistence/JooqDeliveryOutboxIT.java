package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.adapters.persistence.report.DeliveryAttemptRepository;
import com.balancehistory.adapters.persistence.report.JooqDeliveryOutbox;
import com.balancehistory.adapters.persistence.report.MicronautDataDeliveryLog;
import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.port.out.report.DeliveryChannel;
import com.balancehistory.application.port.out.report.DeliveryOutbox.Claimed;
import com.balancehistory.application.service.report.DeliveryService;
import com.balancehistory.application.service.report.DeliverySettings;
import com.balancehistory.application.service.report.OutboxService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery outbox on PostgreSQL: rows written in another store's transaction, claimed with a lease and
 * {@code FOR UPDATE SKIP LOCKED}; two instances sending at once send each delivery once; a lease that ran out (an
 * instance that stopped mid-delivery) makes the row claimable again; a handed-back row is claimable at once.
 */
class JooqDeliveryOutboxIT {

    private static final AtomicLong SUBJECTS = new AtomicLong(System.nanoTime());

    private final DSLContext dsl = PersistenceTestSupport.dsl();
    private final DeliveryTarget target = new DeliveryTarget.Directory("/outbox-it/" + SUBJECTS.incrementAndGet());

    @BeforeEach
    void nothingPendingFromOtherTests() {
        dsl.execute("UPDATE delivery_outbox SET state = 'failed' WHERE state = 'pending'");
    }

    private List<Long> enqueue(int count) {
        List<Long> subjects = new ArrayList<>();
        dsl.transaction(tx -> {
            List<OutboundDelivery> deliveries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long subject = SUBJECTS.incrementAndGet();
                subjects.add(subject);
                deliveries.add(new OutboundDelivery(
                        new DeliveryPayload(
                                "alert",
                                subject,
                                "{\"id\":" + subject + "}",
                                Map.of("alert-" + subject + ".json", "{\"id\":" + subject + "}")),
                        target));
            }
            JooqDeliveryOutbox.enqueue(DSL.using(tx), deliveries, Instant.now());
        });
        return subjects;
    }

    @Test
    void rows_written_in_a_rolled_back_transaction_are_never_sent() {
        try {
            dsl.transaction(tx -> {
                JooqDeliveryOutbox.enqueue(
                        DSL.using(tx),
                        List.of(new OutboundDelivery(new DeliveryPayload("alert", -1, "{}", Map.of()), target)),
                        Instant.now());
                throw new IllegalStateException("what it announces failed");
            });
        } catch (RuntimeException expected) {
            // the announcement goes with it
        }
        assertThat(new JooqDeliveryOutbox(dsl).claim("a", 100, Duration.ofMinutes(1)))
                .isEmpty();
    }

    @Test
    void two_instances_sending_at_once_send_each_delivery_exactly_once() throws Exception {
        List<Long> subjects = enqueue(40);
        ConcurrentLinkedQueue<Long> received = new ConcurrentLinkedQueue<>();
        Set<String> senders = ConcurrentHashMap.newKeySet();
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Integer>> sent = new ArrayList<>();
        for (String instance : List.of("instance-a", "instance-b")) {
            OutboxService worker = worker(instance, (payload, t) -> {
                received.add(payload.subjectId());
                senders.add(instance);
                sleepQuietly(5); // a webhook call takes a moment: the other instance claims meanwhile
                return DeliveryChannel.Result.ok(Optional.of(200));
            });
            sent.add(instances.submit(() -> {
                together.await();
                int total = 0;
                for (int round = 0; round < 10; round++) {
                    total += worker.sendDue();
                }
                return total;
            }));
        }
        int total = sent.get(0).get() + sent.get(1).get();
        instances.shutdown();

        assertThat(total).isEqualTo(40);
        assertThat(received).containsExactlyInAnyOrderElementsOf(subjects);
        assertThat(senders).as("both instances took part").hasSize(2);
        assertThat(dsl.fetchOne("SELECT count(*) FROM delivery_outbox WHERE state = 'pending'")
                        .get(0, Integer.class))
                .isZero();
    }

    @Test
    void a_row_whose_instance_stopped_mid_delivery_is_claimable_again_once_its_lease_ends() throws Exception {
        long subject = enqueue(1).get(0);
        JooqDeliveryOutbox stopped = new JooqDeliveryOutbox(dsl);
        List<Claimed> claimed = stopped.claim("stopped", 10, Duration.ofMillis(500));
        assertThat(claimed).singleElement().satisfies(c -> {
            assertThat(c.payload().subjectId()).isEqualTo(subject);
            assertThat(c.payload().files()).containsKey("alert-" + subject + ".json");
            assertThat(c.round()).isEqualTo(1);
        });
        JooqDeliveryOutbox other = new JooqDeliveryOutbox(dsl);
        assertThat(other.claim("other", 10, Duration.ofMinutes(1))).as("leased").isEmpty();

        Thread.sleep(700);
        assertThat(other.claim("other", 10, Duration.ofMinutes(1)))
                .singleElement()
                .satisfies(c -> assertThat(c.round()).isEqualTo(2));
    }

    @Test
    void a_failed_round_waits_for_its_lease_and_a_handed_back_row_is_claimable_at_once() {
        enqueue(1);
        List<String> errors = new ArrayList<>();
        OutboxService failing = new OutboxService(
                new JooqDeliveryOutbox(dsl),
                new DeliveryService(
                        List.of(channel((payload, t) -> DeliveryChannel.Result.failed(Optional.of(503), "down"))),
                        new MicronautDataDeliveryLog(Repositories.get(DeliveryAttemptRepository.class)),
                        new DeliverySettings(2, Duration.ZERO, Duration.ZERO),
                        Clock.systemUTC(),
                        wait -> {}),
                List.of(target),
                new OutboxService.Settings(10, Duration.ofMinutes(1), Duration.ofHours(24)),
                "failing",
                Clock.systemUTC());
        assertThat(failing.sendDue()).isZero();
        JooqDeliveryOutbox outbox = new JooqDeliveryOutbox(dsl);
        assertThat(outbox.pending()).isEqualTo(1);
        assertThat(outbox.claim("next", 10, Duration.ofMinutes(1)))
                .as("still leased")
                .isEmpty();
        errors.add(dsl.fetchOne("SELECT last_error FROM delivery_outbox WHERE state = 'pending'")
                .get(0, String.class));
        assertThat(errors).containsExactly("down");

        dsl.execute("UPDATE delivery_outbox SET lease_until = now() WHERE state = 'pending'");
        Claimed again = outbox.claim("next", 10, Duration.ofMinutes(1)).get(0);
        outbox.release(again.id());
        assertThat(outbox.claim("another", 10, Duration.ofMinutes(1))).hasSize(1);
    }

    private OutboxService worker(String instance, Send send) {
        return new OutboxService(
                new JooqDeliveryOutbox(dsl),
                new DeliveryService(
                        List.of(channel(send)),
                        new MicronautDataDeliveryLog(Repositories.get(DeliveryAttemptRepository.class)),
                        DeliverySettings.defaults(),
                        Clock.systemUTC(),
                        wait -> {}),
                List.of(target),
                new OutboxService.Settings(3, Duration.ofMinutes(1), Duration.ofHours(24)),
                instance,
                Clock.systemUTC());
    }

    @FunctionalInterface
    private interface Send {
        DeliveryChannel.Result send(DeliveryPayload payload, DeliveryTarget target);
    }

    private static DeliveryChannel channel(Send send) {
        return new DeliveryChannel() {
            @Override
            public boolean handles(DeliveryTarget t) {
                return true;
            }

            @Override
            public Result send(DeliveryPayload payload, DeliveryTarget t) {
                return send.send(payload, t);
            }
        };
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
