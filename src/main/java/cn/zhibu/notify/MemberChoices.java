package cn.zhibu.notify;

import cn.zhibu.platform.notice.NoticeKind;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A member's choices for WeChat: which kinds of notice also go there, and the subscribe-message templates they
 * accepted in the mini-program (a credit per acceptance, spent by the sender).
 */
@ApplicationScoped
public class MemberChoices {

    /** Credits a member may hold per template; more acceptances are counted but add none. */
    static final int MAX_CREDITS = 1000;

    private final EntityManager em;
    private final BusinessCalendar calendar;
    private final NotifySettings settings;

    MemberChoices(EntityManager em, BusinessCalendar calendar, NotifySettings settings) {
        this.em = em;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** Every kind with the member's choice (on unless turned off). */
    @Transactional
    public NotificationViews.Preferences preferences(UUID personId) {
        Map<String, Boolean> chosen = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select kind, wechat from notification_preference where person_id = :person")
                .setParameter("person", personId).getResultList();
        rows.forEach(row -> chosen.put((String) row[0], (Boolean) row[1]));
        return new NotificationViews.Preferences(Arrays.stream(NoticeKind.values())
                .map(kind -> new NotificationViews.Preference(kind, chosen.getOrDefault(kind.name(), true))).toList());
    }

    /** Changes the listed kinds' choices. */
    @Transactional
    public NotificationViews.Preferences choose(UUID personId, NotificationViews.PreferencesChange change) {
        Instant now = calendar.now();
        for (NotificationViews.Preference preference : change.items()) {
            em.createNativeQuery("""
                    insert into notification_preference (person_id, kind, wechat, updated_at)
                    values (:person, :kind, :wechat, :now)
                    on conflict (person_id, kind) do update set wechat = excluded.wechat, updated_at = excluded.updated_at""")
                    .setParameter("person", personId).setParameter("kind", preference.kind().name())
                    .setParameter("wechat", preference.wechat()).setParameter("now", now).executeUpdate();
        }
        return preferences(personId);
    }

    /** The mini-program's templates, the kinds each carries and the member's credits. */
    @Transactional
    public NotificationViews.Subscriptions subscriptions(UUID personId) {
        Map<String, List<NoticeKind>> kinds = templates();
        Map<String, Integer> credits = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select template_id, credits from wechat_subscription where person_id = :person")
                .setParameter("person", personId).getResultList();
        rows.forEach(row -> credits.put((String) row[0], ((Number) row[1]).intValue()));
        List<NotificationViews.Subscription> templates = new ArrayList<>();
        kinds.forEach((id, carried) -> templates.add(new NotificationViews.Subscription(id, carried,
                credits.getOrDefault(id, 0))));
        return new NotificationViews.Subscriptions(settings.wechatSend(), templates);
    }

    /**
     * Records what the member answered in wx.requestSubscribeMessage: accept adds a credit, ban drops them all,
     * reject and filter change nothing. Every template must be one the mini-program uses (422, nothing recorded).
     */
    @Transactional
    public NotificationViews.Subscriptions answer(UUID personId, NotificationViews.SubscriptionAnswers answers) {
        Map<String, List<NoticeKind>> known = templates();
        Map<String, String> sorted = new TreeMap<>(answers.results());
        sorted.keySet().stream().filter(id -> !known.containsKey(id)).findFirst().ifPresent(id -> {
            throw new ProblemException(NotifyProblem.WECHAT_TEMPLATE_UNKNOWN, id);
        });
        Instant now = calendar.now();
        sorted.forEach((templateId, answer) -> {
            if ("accept".equals(answer)) {
                em.createNativeQuery("""
                        insert into wechat_subscription as s (person_id, template_id, credits, accepted, updated_at)
                        values (:person, :template, 1, 1, :now)
                        on conflict (person_id, template_id) do update set credits = least(s.credits + 1, :max),
                            accepted = s.accepted + 1, updated_at = excluded.updated_at""")
                        .setParameter("person", personId).setParameter("template", templateId)
                        .setParameter("now", now).setParameter("max", MAX_CREDITS).executeUpdate();
            } else if ("ban".equals(answer)) {
                em.createNativeQuery("""
                        update wechat_subscription set credits = 0, updated_at = :now
                        where person_id = :person and template_id = :template""")
                        .setParameter("person", personId).setParameter("template", templateId)
                        .setParameter("now", now).executeUpdate();
            }
        });
        return subscriptions(personId);
    }

    /** Template id → the kinds it carries, in template id order. */
    private Map<String, List<NoticeKind>> templates() {
        Map<String, List<NoticeKind>> byId = new TreeMap<>();
        settings.templates().forEach((kind, template) -> byId.computeIfAbsent(template.id(), id -> new ArrayList<>())
                .add(NoticeKind.valueOf(kind)));
        byId.values().forEach(list -> list.sort(null));
        return settings.wechatSend() ? byId : new TreeMap<>();
    }
}
