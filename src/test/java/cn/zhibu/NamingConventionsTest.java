package cn.zhibu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemKind;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * One naming scheme: {@code *Resource} for HTTP, {@code *Views} for the request and response records (nested, one
 * holder per resource family), {@code *Access} for object-level guards, {@code *Problem} for problem codes.
 */
class NamingConventionsTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.zhibu");

    @Test
    void resourcesAreNamedResource() {
        classes().that().areAnnotatedWith(Path.class).and().areTopLevelClasses()
                .should().haveSimpleNameEndingWith("Resource").check(MAIN);
    }

    @Test
    void problemCodesAreNamedProblem() {
        classes().that().implement(ProblemKind.class).and().areNotAssignableTo(ProblemCode.class)
                .should().haveSimpleNameEndingWith("Problem").check(MAIN);
    }

    @Test
    void guardsAreNamedAccess() {
        noClasses().should().haveSimpleNameEndingWith("Reader").orShould().haveSimpleNameEndingWith("Readers")
                .orShould().haveSimpleNameEndingWith("Guard").orShould().haveSimpleNameEndingWith("Guards")
                .check(MAIN);
    }

    /** Request and response records are nested in a {@code *Views} class (or in the sealed type they belong to). */
    @Test
    void bodiesLiveInViews() {
        classes().that().areRecords().and().areAnnotatedWith(Schema.class)
                .should(beNestedInViewsOrASealedType()).check(MAIN);
        noClasses().that().areTopLevelClasses().and().areRecords().should().haveSimpleNameEndingWith("Request")
                .orShould().haveSimpleNameEndingWith("Requests").orShould().haveSimpleNameEndingWith("View")
                .check(MAIN);
    }

    private static ArchCondition<JavaClass> beNestedInViewsOrASealedType() {
        return new ArchCondition<>("be nested in a *Views class or a sealed interface") {
            @Override
            public void check(JavaClass record, ConditionEvents events) {
                boolean ok = false;
                for (var outer = record.getEnclosingClass(); outer.isPresent() && !ok;
                        outer = outer.get().getEnclosingClass()) {
                    ok = outer.get().getSimpleName().endsWith("Views")
                            || outer.get().isInterface() && outer.get().reflect().isSealed();
                }
                events.add(new SimpleConditionEvent(record, ok, record.getName() + (ok ? " is" : " is not")
                        + " nested in a *Views class or a sealed interface"));
            }
        };
    }
}
