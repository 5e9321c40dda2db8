package cn.zhibu.notify;

import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a notice may go to WeChat now, decided when the sender takes it up (inside the sender's short claiming
 * transaction), in this order: the recipient still belongs to a branch; the kind has a template; the member wants
 * this kind on WeChat; the member signs in with WeChat; the branch's quiet hours are not on (else it waits until they
 * end); the member holds a credit for the template (one per acceptance in the mini-program).
 */
@ApplicationScoped
public class DeliveryRules {

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final NotifySettings settings;

    DeliveryRules(EntityManager em, BusinessCalendar calendar, NotifySettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** What to do with one message now. */
    public sealed interface Decision permits Send, Wait, Skip {
    }

    /** Send it to this openid with this template. */
    public record Send(String openid, String templateId, NotifySettings.Template template) implements Decision {
    }

    /** Not now (quiet hours): take it up again at {@code until}, without counting an attempt. */
    public record Wait(Instant until) implements Decision {
    }

    /** Do not send it: its delivery ends in {@code state} ({@code notification_delivery.state}), for this reason. */
    public record Skip(String state, String reason) implements Decision {
    }

    /** The template of a kind of notice, if it has one. */
    public Optional<NotifySettings.Template> template(String kind) {
        return Optional.ofNullable(settings.templates().get(kind));
    }

    /** The decision for a message of {@code kind} to {@code personId} at {@code now}. */
    public Decision decide(UUID personId, String kind, Instant now) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                select p.active and p.left_on is null and m.org_unit_id is not null as present,
                    m.org_unit_id as branch_id, a.wechat_openid as openid, coalesce(a.active, false) as signs_in,
                    coalesce((select f.wechat from notification_preference f where f.person_id = p.id
                        and f.kind = :kind), true) as wanted
                from person p
                left join membership m on m.person_id = p.id and m.end_date is null and m.is_branch
                left join account a on a.person_id = p.id
                where p.id = :person""", Tuple.class).setParameter("person", personId).setParameter("kind", kind)
                .getResultList();
        if (rows.isEmpty() || !Rows.bool(rows.get(0), "present")) {
            return new Skip("RECIPIENT_LEFT", "the recipient no longer belongs to a branch");
        }
        Tuple person = rows.get(0);
        Optional<NotifySettings.Template> template = template(kind);
        int credits = template.map(t -> credits(personId, t.id())).orElse(0);
        Facts facts = new Facts(kind, template, Rows.bool(person, "wanted"), Rows.string(person, "openid"),
                Rows.bool(person, "signs_in"), quietHours(Rows.uuid(person, "branch_id")), credits);
        return decide(facts, now, calendar.zone());
    }

    /** What is known of a present recipient when a message is taken up. */
    record Facts(String kind, Optional<NotifySettings.Template> template, boolean wanted, String openid,
            boolean signsIn, QuietHours quiet, int credits) {
    }

    /** The rules, in their order, over what is known (no database: the property test runs them alone). */
    static Decision decide(Facts facts, Instant now, ZoneId zone) {
        if (facts.template().isEmpty()) {
            return new Skip("FAILED", "no WeChat template is set for " + facts.kind());
        }
        if (!facts.wanted()) {
            return new Skip("NOT_WANTED", "the member does not want " + facts.kind() + " on WeChat");
        }
        if (facts.openid() == null || !facts.signsIn()) {
            return new Skip("NO_WECHAT", "the member does not sign in with WeChat");
        }
        Optional<Instant> quiet = facts.quiet().waitUntil(now, zone);
        if (quiet.isPresent()) {
            return new Wait(quiet.get());
        }
        String templateId = facts.template().get().id();
        if (facts.credits() < 1) {
            return new Skip("NO_CREDIT", "the member holds no subscription for template " + templateId);
        }
        return new Send(facts.openid(), templateId, facts.template().get());
    }

    /** A branch's quiet hours: its own choice, or the settings' default. */
    public QuietHours quietHours(UUID branchId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(
                "select starts_at, ends_at from notification_quiet_hours where unit_id = :unit", Tuple.class)
                .setParameter("unit", branchId).getResultList();
        if (rows.isEmpty()) {
            return new QuietHours(settings.quietFrom(), settings.quietUntil());
        }
        return new QuietHours(QuietHoursChoice.timeOfDay(rows.get(0).get("starts_at")),
                QuietHoursChoice.timeOfDay(rows.get(0).get("ends_at")));
    }

    /** How many messages of this template the member may still be sent. */
    public int credits(UUID personId, String templateId) {
        List<?> rows = em.createNativeQuery(
                "select credits from wechat_subscription where person_id = :person and template_id = :template")
                .setParameter("person", personId).setParameter("template", templateId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    /** Spends one credit after a message was sent; false when none was left (which the claim has excluded). */
    public boolean spend(UUID personId, String templateId, Instant now) {
        return em.createNativeQuery("""
                update wechat_subscription set credits = credits - 1, updated_at = :now
                where person_id = :person and template_id = :template and credits > 0""")
                .setParameter("person", personId).setParameter("template", templateId).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** WeChat says the member refused the template (or holds no subscription): their credits for it are gone. */
    public void refused(UUID personId, String templateId, Instant now) {
        em.createNativeQuery("""
                update wechat_subscription set credits = 0, updated_at = :now
                where person_id = :person and template_id = :template""")
                .setParameter("person", personId).setParameter("template", templateId).setParameter("now", now)
                .executeUpdate();
    }

    /** The templates by kind, for the member's subscription view. */
    public Map<String, NotifySettings.Template> templates() {
        return settings.templates();
    }
}
