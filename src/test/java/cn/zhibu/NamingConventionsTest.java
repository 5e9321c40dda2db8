package cn.zhibu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemKind;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One naming scheme: {@code *Resource} for HTTP, {@code *Views} for the request and response records (nested, one
 * holder per resource family), {@code *Access} for object-level guards, {@code *Problem} for problem codes.
 */
class NamingConventionsTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.zhibu");

    static final ArchRule resourcesAreNamedResource = classes().that().areAnnotatedWith(Path.class).and()
            .areTopLevelClasses().should().haveSimpleNameEndingWith("Resource");

    static final ArchRule problemCodesAreNamedProblem = classes().that().implement(ProblemKind.class).and()
            .areNotAssignableTo(ProblemCode.class).should().haveSimpleNameEndingWith("Problem");

    static final ArchRule guardsAreNamedAccess = noClasses().should().haveSimpleNameEndingWith("Reader")
            .orShould().haveSimpleNameEndingWith("Readers").orShould().haveSimpleNameEndingWith("Guard")
            .orShould().haveSimpleNameEndingWith("Guards");

    /** Request and response records are nested in a {@code *Views} class (or in the sealed type they belong to). */
    static final ArchRule bodiesLiveInViews = classes().that().areRecords().and().areAnnotatedWith(Schema.class)
            .should(beNestedInViewsOrASealedType());

    static final ArchRule noTopLevelBodies = noClasses().that().areTopLevelClasses().and().areRecords()
            .should().haveSimpleNameEndingWith("Request").orShould().haveSimpleNameEndingWith("Requests")
            .orShould().haveSimpleNameEndingWith("View");

    @Test
    void theCodeFollowsTheScheme() {
        for (ArchRule rule : List.of(resourcesAreNamedResource, problemCodesAreNamedProblem, guardsAreNamedAccess,
                bodiesLiveInViews, noTopLevelBodies)) {
            rule.check(MAIN);
        }
    }

    /**
     * The rules are not vacuous: they see the bodies and resources of the code, and they catch a misnamed guard and a
     * top-level request record (a stray {@code @Schema} record cannot stand here: the served contract would show it).
     */
    @Test
    void theRulesCatchWhatBreaksTheScheme() {
        long bodies = MAIN.stream().filter(c -> c.isRecord() && c.isAnnotatedWith(Schema.class)).count();
        long resources = MAIN.stream().filter(c -> c.isAnnotatedWith(Path.class)).count();
        assertTrue(bodies > 50 && resources > 20, bodies + " bodies and " + resources + " resources seen");
        JavaClasses strays = new ClassFileImporter().importClasses(StrayReader.class, StrayRequest.class);
        assertTrue(guardsAreNamedAccess.evaluate(strays).hasViolation(), "a *Reader guard is caught");
        assertTrue(noTopLevelBodies.evaluate(strays).hasViolation(), "a top-level *Request record is caught");
    }

    /** A guard under the old name: the rules must see it. */
    static final class StrayReader {
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
