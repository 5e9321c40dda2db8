package cn.zhibu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dependency rules of the layout: capabilities depend downwards only, and platform on none of them. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.zhibu");

    private static final String[] CAPABILITIES = {
        "cn.zhibu.org..", "cn.zhibu.identity..", "cn.zhibu.study..", "cn.zhibu.points..",
        "cn.zhibu.leaderboard..", "cn.zhibu.lecture..", "cn.zhibu.integrity..", "cn.zhibu.annual..",
        "cn.zhibu.privacy..", "cn.zhibu.notify..", "cn.zhibu.stats..", "cn.zhibu.exports.."};

    static final ArchRule platformUsesNoCapability = noClasses().that().resideInAPackage("cn.zhibu.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES);

    static final ArchRule orgUsesOnlyPlatform = noClasses().that().resideInAPackage("cn.zhibu.org..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.zhibu.identity..", "cn.zhibu.study..",
                    "cn.zhibu.points..", "cn.zhibu.leaderboard..", "cn.zhibu.lecture..", "cn.zhibu.integrity..",
                    "cn.zhibu.annual..")
            .allowEmptyShould(true);

    static final ArchRule pointsIntegrityAndIdentityStayBelowTheirUsers = noClasses().that()
            .resideInAnyPackage("cn.zhibu.points..", "cn.zhibu.integrity..", "cn.zhibu.identity..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.zhibu.study..", "cn.zhibu.leaderboard..",
                    "cn.zhibu.lecture..")
            .allowEmptyShould(true);

    /** The annual cycle (plans, campaigns, pledges, honours) stands above the records it reads: nothing uses it. */
    static final ArchRule nothingBelowUsesTheAnnualCycle = noClasses().that()
            .resideInAnyPackage("cn.zhibu.org..", "cn.zhibu.study..", "cn.zhibu.points..", "cn.zhibu.leaderboard..",
                    "cn.zhibu.lecture..", "cn.zhibu.integrity..")
            .should().dependOnClassesThat().resideInAPackage("cn.zhibu.annual..").allowEmptyShould(true);

    /**
     * A member's own data and the retention purge read and erase the records of every capability (by their tables):
     * they stand above all of them, and nothing uses them.
     */
    static final ArchRule nothingUsesPrivacy = noClasses().that().resideOutsideOfPackages("cn.zhibu.privacy..",
            "cn.zhibu.demo..").should().dependOnClassesThat().resideInAPackage("cn.zhibu.privacy..")
            .allowEmptyShould(true);

    /**
     * Notices reach the notify capability only as CDI events (platform's {@code Notice}): it stands above the
     * capabilities that raise them, and nothing uses it.
     */
    static final ArchRule nothingUsesNotify = noClasses().that().resideOutsideOfPackages("cn.zhibu.notify..",
            "cn.zhibu.demo..", "cn.zhibu.privacy..").should().dependOnClassesThat().resideInAPackage("cn.zhibu.notify..")
            .allowEmptyShould(true);

    static final ArchRule nothingUsesExports = noClasses().that().resideOutsideOfPackages("cn.zhibu.exports..",
            "cn.zhibu.demo..").should().dependOnClassesThat().resideInAPackage("cn.zhibu.exports..").allowEmptyShould(true);
    /** Dashboard figures read every capability's tables: they stand above all of them, and nothing uses them. */
    static final ArchRule nothingUsesStats = noClasses().that().resideOutsideOfPackage("cn.zhibu.stats..").should()
            .dependOnClassesThat().resideInAPackage("cn.zhibu.stats..").allowEmptyShould(true);

    static final ArchRule nothingButIdentityUsesIdentity = noClasses().that()
            .resideOutsideOfPackages("cn.zhibu.identity..", "cn.zhibu", "cn.zhibu.demo..")
            .should().dependOnClassesThat().resideInAPackage("cn.zhibu.identity..");

    static final ArchRule capabilitiesDoNotCallUpward = noClasses().that()
            .resideInAnyPackage("cn.zhibu.study..", "cn.zhibu.lecture..", "cn.zhibu.leaderboard..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.zhibu.integrity..")
            .allowEmptyShould(true);

    /** The demo loader sits above every capability (it calls each one's demo data); nothing uses it. */
    static final ArchRule nothingUsesTheDemoLoader = noClasses().that().resideOutsideOfPackage("cn.zhibu.demo..")
            .should().dependOnClassesThat().resideInAPackage("cn.zhibu.demo..");

    static final ArchRule entitiesStayBehindResources = noClasses().that().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class);

    static final ArchRule studyLecturesAndLeaderboardsStayApart = slicesOf(
            "cn.zhibu.study..", "cn.zhibu.lecture..", "cn.zhibu.leaderboard..");

    static final ArchRule pointsAndIntegrityStayApart = slicesOf("cn.zhibu.points..", "cn.zhibu.integrity..");

    /** No class of one of these packages depends on a class of another. */
    private static ArchRule slicesOf(String... packages) {
        ArchRule rule = null;
        for (String from : packages) {
            for (String to : packages) {
                if (!from.equals(to)) {
                    ArchRule one = noClasses().that().resideInAPackage(from).should().dependOnClassesThat()
                            .resideInAPackage(to).allowEmptyShould(true);
                    rule = rule == null ? one : CompositeArchRule.of(rule).and(one);
                }
            }
        }
        return rule;
    }

    @Test
    void theRulesSeeTheCode() {
        // rules over an empty import would pass vacuously
        assertTrue(MAIN.contain(cn.zhibu.platform.calendar.CalendarDaysResource.class));
        assertTrue(MAIN.contain(Main.class));
        assertTrue(MAIN.containPackage("cn.zhibu.demo"));
    }

    @Test
    void dependenciesPointDownwards() {
        for (ArchRule rule : new ArchRule[] {platformUsesNoCapability, orgUsesOnlyPlatform,
                pointsIntegrityAndIdentityStayBelowTheirUsers, nothingButIdentityUsesIdentity,
                capabilitiesDoNotCallUpward, nothingBelowUsesTheAnnualCycle, nothingUsesPrivacy, nothingUsesNotify,
                nothingUsesExports, nothingUsesStats, studyLecturesAndLeaderboardsStayApart,
                pointsAndIntegrityStayApart,
                nothingUsesTheDemoLoader}) {
            rule.check(MAIN);
        }
    }

    /** Work guarded by an idempotency key must join the key's transaction, never start its own. */
    static final ArchRule noRequiresNewTransactions = noMethods().should().beAnnotatedWith(
            new DescribedPredicate<JavaAnnotation<?>>("@Transactional(REQUIRES_NEW)") {
                @Override
                public boolean test(JavaAnnotation<?> annotation) {
                    return annotation.getRawType().isEquivalentTo(Transactional.class)
                            && annotation.get("value").filter(JavaEnumConstant.class::isInstance)
                                    .map(v -> ((JavaEnumConstant) v).name().equals("REQUIRES_NEW")).orElse(false);
                }
            }).allowEmptyShould(true);

    @Test
    void servicesJoinTheCallersTransaction() {
        noRequiresNewTransactions.check(MAIN);
    }

    /** One authorisation mechanism: resources ask {@code Access}, never role annotations of their own. */
    @Test
    void resourcesAskAccessRatherThanCheckRoles() {
        noMethods().should().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class).allowEmptyShould(true)
                .check(MAIN);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().should()
                .beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class).allowEmptyShould(true).check(MAIN);
    }

    @Test
    void entitiesNeverReachResources() {
        entitiesStayBehindResources.check(MAIN);
    }

    /** The java.time types whose {@code now()} and {@code now(ZoneId)} read the system clock. */
    private static final Set<String> DATED_TYPES = Set.of("java.time.Instant", "java.time.LocalDate",
            "java.time.LocalDateTime", "java.time.LocalTime", "java.time.OffsetDateTime", "java.time.OffsetTime",
            "java.time.ZonedDateTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    /**
     * One clock: every reading of the time goes through the injected {@link Clock} (which tests move), never
     * the system clock straight. Only {@code cn.zhibu.platform.time} makes the clock. {@code now(clock)} reads
     * the given clock and is allowed; {@code System.nanoTime()} measures durations and is allowed.
     */
    static final ArchRule timeComesFromTheInjectedClock = noClasses().that()
            .resideOutsideOfPackage("cn.zhibu.platform.time..")
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>(
                    "read the system clock (Instant.now(), LocalDate.now(), System.currentTimeMillis(), "
                            + "Clock.systemUTC(), ...) rather than the injected Clock") {
                @Override
                public boolean test(JavaMethodCall call) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    List<String> parameters = call.getTarget().getRawParameterTypes().stream()
                            .map(t -> t.getName()).toList();
                    if (DATED_TYPES.contains(owner) && name.equals("now")) {
                        return !parameters.equals(List.of(Clock.class.getName()));
                    }
                    if (owner.equals(System.class.getName())) {
                        return name.equals("currentTimeMillis");
                    }
                    return owner.equals(Clock.class.getName())
                            && (name.equals("systemUTC") || name.equals("systemDefaultZone") || name.equals("system"));
                }
            });

    @Test
    void timeIsReadFromTheInjectedClock() {
        // the rule sees a read of the system clock: the test clock, which follows it until set, makes one
        assertTrue(timeComesFromTheInjectedClock
                .evaluate(new ClassFileImporter().importClasses(cn.zhibu.testing.TestClock.class)).hasViolation());
        timeComesFromTheInjectedClock.check(MAIN);
    }
}
