package cn.zhibu.notify.wechat;

import cn.zhibu.notify.DeliveryRules;
import cn.zhibu.notify.NotifySettings;
import cn.zhibu.platform.db.Rows;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The queue of WeChat subscribe messages ({@code notification_delivery}), each change in a short transaction of its
 * own: a message is claimed (SENDING, with the replica and the time) before it is sent, and its outcome is stored
 * after; what is SENDING is never claimed again, so nothing is sent twice.
 */
@ApplicationScoped
class DeliveryQueue {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final DeliveryRules rules;
    private final ObjectMapper mapper;

    DeliveryQueue(EntityManager em, DeliveryRules rules, ObjectMapper mapper) {
        this.em = em;
        this.rules = rules;
        this.mapper = mapper;
    }

    /** A message claimed for sending by this replica. */
    record Claimed(UUID notificationId, UUID personId, String kind, int attempts, Instant claimedAt, String openid,
            String templateId, NotifySettings.Template template, Map<String, String> fields) {
    }

    /** What a claim did: the messages to send now, and how many wait (quiet hours) or end unsent. */
    record Claim(List<Claimed> sends, int waiting, Map<String, Integer> skipped) {
    }

    /** What became of one attempt: the delivery's new state, WeChat's errcode and why. */
    record Outcome(String state, Integer errcode, String detail, Instant nextAttemptAt) {
    }

    /** Whether a message is due to be taken up. */
    boolean anyDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("""
                select 1 from notification_delivery where state = 'PENDING' and next_attempt_at <= ?1 limit 1""")
                .setParameter(1, now).getResultList().isEmpty());
    }

    /**
     * Messages still SENDING after the lease (their replica stopped mid-send) become UNCERTAIN: they may have reached
     * WeChat, so they are never sent again. The ids, for the log.
     */
    List<UUID> abandoned(String replica, Instant now, Instant claimedBefore) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("""
                    update notification_delivery set state = 'UNCERTAIN', updated_at = ?1,
                        last_error = left('left SENDING by ' || claimed_by || ', which stopped before storing '
                            || 'WeChat''s answer; it may have been sent', 300)
                    where state = 'SENDING' and claimed_at < ?2
                    returning notification_id, claimed_by""", Tuple.class)
                    .setParameter(1, now).setParameter(2, claimedBefore).getResultList();
            List<UUID> ids = new ArrayList<>();
            for (Tuple row : rows) {
                UUID id = Rows.uuid(row, "notification_id");
                ids.add(id);
                attempt(id, now, "UNCERTAIN", null, "left SENDING by " + Rows.string(row, "claimed_by"), replica);
            }
            return ids;
        });
    }

    /**
     * Claims up to {@code limit} due messages, each the earliest unfinished one of its person, and decides each
     * ({@link DeliveryRules}): those to send become SENDING with one more attempt; those in quiet hours wait; the
     * others end in the state the rules give.
     */
    Claim claim(String replica, Instant at, int limit) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS); // as stored: the outcome finds its claim by it
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery("""
                    select d.notification_id, d.person_id, d.kind, d.attempts, cast(n.fields as text) as fields
                    from notification_delivery d join notification n on n.id = d.notification_id
                    where d.state = 'PENDING' and d.next_attempt_at <= ?1
                        and not exists (select 1 from notification_delivery e where e.person_id = d.person_id
                            and e.state in ('PENDING', 'SENDING')
                            and (e.due_at, e.notification_id) < (d.due_at, d.notification_id))
                    order by d.next_attempt_at, d.notification_id
                    limit ?2
                    for update of d skip locked""", Tuple.class)
                    .setParameter(1, now).setParameter(2, limit).getResultList();
            List<Claimed> sends = new ArrayList<>();
            int waiting = 0;
            Map<String, Integer> skipped = new java.util.TreeMap<>();
            for (Tuple row : rows) {
                UUID id = Rows.uuid(row, "notification_id");
                UUID person = Rows.uuid(row, "person_id");
                String kind = Rows.string(row, "kind");
                DeliveryRules.Decision decision = rules.decide(person, kind, now);
                if (decision instanceof DeliveryRules.Wait wait) {
                    em.createNativeQuery("""
                            update notification_delivery set next_attempt_at = ?2, updated_at = ?3
                            where notification_id = ?1""")
                            .setParameter(1, id).setParameter(2, wait.until()).setParameter(3, now).executeUpdate();
                    waiting++;
                } else if (decision instanceof DeliveryRules.Skip skip) {
                    em.createNativeQuery("""
                            update notification_delivery set state = ?2, last_error = left(?3, 300), updated_at = ?4
                            where notification_id = ?1""")
                            .setParameter(1, id).setParameter(2, skip.state()).setParameter(3, skip.reason())
                            .setParameter(4, now).executeUpdate();
                    skipped.merge(skip.state(), 1, Integer::sum);
                } else if (decision instanceof DeliveryRules.Send send) {
                    int attempts = Rows.integer(row, "attempts") + 1;
                    em.createNativeQuery("""
                            update notification_delivery set state = 'SENDING', claimed_by = ?2, claimed_at = ?3,
                                attempts = ?4, updated_at = ?3
                            where notification_id = ?1""")
                            .setParameter(1, id).setParameter(2, replica).setParameter(3, now)
                            .setParameter(4, attempts).executeUpdate();
                    sends.add(new Claimed(id, person, kind, attempts, now, send.openid(), send.templateId(),
                            send.template(), fields(Rows.string(row, "fields"))));
                }
            }
            return new Claim(List.copyOf(sends), waiting, skipped);
        });
    }

    /**
     * Stores what became of a claimed message, with its attempt, in a transaction of its own; a sent message spends
     * one credit, a refusal takes the member's credits for the template. False when the claim was no longer this
     * replica's (nothing stored).
     */
    boolean record(Claimed message, Outcome outcome, String replica, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // a message taken for abandoned (UNCERTAIN) while its answer was awaited gets the answer after all
            int changed = em.createNativeQuery("""
                    update notification_delivery set state = ?2, last_error = left(?3, 300), updated_at = ?4,
                        sent_at = case when ?2 = 'SENT' then ?4 else sent_at end,
                        next_attempt_at = coalesce(?5, next_attempt_at)
                    where notification_id = ?1 and state in ('SENDING', 'UNCERTAIN') and claimed_by = ?6
                        and claimed_at = ?7""")
                    .setParameter(1, message.notificationId()).setParameter(2, outcome.state())
                    .setParameter(3, outcome.detail()).setParameter(4, now).setParameter(5, outcome.nextAttemptAt())
                    .setParameter(6, replica).setParameter(7, message.claimedAt()).executeUpdate();
            if (changed == 0) {
                return false;
            }
            if (outcome.state().equals("SENT")) {
                rules.spend(message.personId(), message.templateId(), now);
            } else if (outcome.state().equals("REFUSED")) {
                rules.refused(message.personId(), message.templateId(), now);
            }
            attempt(message.notificationId(), now, outcome.state().equals("PENDING") ? "RETRY" : outcome.state(),
                    outcome.errcode(), outcome.detail(), replica);
            return true;
        });
    }

    /** Gives a claimed message back unsent, without counting the attempt (no access token for it). */
    void release(Claimed message, String replica, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update notification_delivery set state = 'PENDING', attempts = attempts - 1, claimed_by = null,
                    claimed_at = null, updated_at = ?3
                where notification_id = ?1 and state = 'SENDING' and claimed_by = ?2""")
                .setParameter(1, message.notificationId()).setParameter(2, replica).setParameter(3, now)
                .executeUpdate());
    }

    /** When the oldest message still waiting to be sent was due (empty: none waits). */
    Optional<Instant> oldestDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(Rows.instant(em.createNativeQuery(
                "select min(due_at) from notification_delivery where state = 'PENDING' and due_at <= ?1")
                .setParameter(1, now).getSingleResult())));
    }

    private void attempt(UUID notification, Instant at, String outcome, Integer errcode, String detail,
            String replica) {
        em.createNativeQuery("""
                insert into notification_attempt (id, notification_id, attempted_at, outcome, errcode, detail, replica)
                values (?1, ?2, ?3, ?4, ?5, left(?6, 300), ?7)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, notification).setParameter(3, at)
                .setParameter(4, outcome).setParameter(5, errcode).setParameter(6, detail).setParameter(7, replica)
                .executeUpdate();
    }

    private Map<String, String> fields(String json) {
        try {
            Map<String, String> fields = json == null ? null : mapper.readValue(json, FIELDS);
            return fields == null ? Map.of() : fields;
        } catch (IOException e) {
            return Map.of();
        }
    }
}
