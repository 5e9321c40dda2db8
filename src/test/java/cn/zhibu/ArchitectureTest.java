package cn.zhibu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of the layout: capabilities depend downwards only, and platform on none of them. */
@AnalyzeClasses(packages = "cn.zhibu", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CAPABILITIES = {
        "cn.zhibu.org..", "cn.zhibu.identity..", "cn.zhibu.study..", "cn.zhibu.points..",
        "cn.zhibu.leaderboard..", "cn.zhibu.lecture..", "cn.zhibu.integrity.."};

    @ArchTest
    static final ArchRule platformUsesNoCapability = noClasses().that().resideInAPackage("cn.zhibu.platform..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES);

    @ArchTest
    static final ArchRule orgUsesOnlyPlatform = noClasses().that().resideInAPackage("cn.zhibu.org..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.zhibu.identity..", "cn.zhibu.study..",
                    "cn.zhibu.points..", "cn.zhibu.leaderboard..", "cn.zhibu.lecture..", "cn.zhibu.integrity..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule pointsIntegrityAndIdentityStayBelowTheirUsers = noClasses().that()
            .resideInAnyPackage("cn.zhibu.points..", "cn.zhibu.integrity..", "cn.zhibu.identity..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.zhibu.study..", "cn.zhibu.leaderboard..",
                    "cn.zhibu.lecture..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingButIdentityUsesIdentity = noClasses().that()
            .resideOutsideOfPackages("cn.zhibu.identity..", "cn.zhibu")
            .should().dependOnClassesThat().resideInAPackage("cn.zhibu.identity..");

    @ArchTest
    static final ArchRule capabilitiesDoNotCallUpward = noClasses().that()
            .resideInAnyPackage("cn.zhibu.study..", "cn.zhibu.lecture..", "cn.zhibu.leaderboard..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.zhibu.integrity..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule entitiesStayBehindResources = noClasses().that().haveSimpleNameEndingWith("Resource")
            .should().accessField(cn.zhibu.platform.calendar.CalendarDay.class, "version")
            .allowEmptyShould(true);
}
