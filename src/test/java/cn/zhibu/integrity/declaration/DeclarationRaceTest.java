package cn.zhibu.integrity.declaration;

import cn.zhibu.testing.Sql;
import static cn.zhibu.integrity.declaration.DeclarationFixtures.review;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.zhibu.integrity.IntegrityFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Two reviewers at once: one decides the stage, the other is told it was decided; one entry joins the file. */
@QuarkusTest
class DeclarationRaceTest {

    @Test
    void twoReviewersAtOnceDecideOnce() throws Exception {
        DeclarationFixtures.Cadre cadre = DeclarationFixtures.cadre();
        String branch = cadre.branch();
        String id = DeclarationFixtures.submit(cadre, DeclarationFixtures.report(2025, "和平里东街9号"));

        assertEquals(List.of(200, 409), race(id, () -> DeclarationFixtures.secretary(branch, "head-a-"),
                () -> DeclarationFixtures.secretary(branch, "head-b-")));
        assertEquals(List.of(200, 409), race(id, () -> DeclarationFixtures.officer(branch),
                () -> IntegrityFixtures.anotherOfficer(branch)));

        assertEquals(1, Sql.count("select count(*) from integrity_declaration where id = ?1 and state = "
                + "'ACCEPTED' and entry_id is not null", id));
        assertEquals(1, Sql.count("select count(*) from integrity_entry where file_id = ?1 and "
                + "declaration_id = ?2", cadre.fileId(), id));
        assertEquals(1, Sql.count("select entry_count from integrity_file where id = ?1", cadre.fileId()));
        // the submission and four reviews, two of them refused as decided
        assertEquals(5, DeclarationFixtures.auditRows(id));
        assertEquals(2, Sql.count("select count(*) from integrity_audit where declaration_id = ?1 and "
                + "reason = 'INTEGRITY_DECLARATION_DECIDED' and status = 409", id));
    }

    /** Both reviewers approve at the same moment; their statuses, sorted. */
    private static List<Integer> race(String id, Supplier<RequestSpecification> first,
            Supplier<RequestSpecification> second) throws Exception {
        // tokens are made before the start, so the requests leave together
        List<RequestSpecification> reviewers = List.of(first.get(), second.get());
        ExecutorService pool = Executors.newFixedThreadPool(reviewers.size());
        try {
            CountDownLatch ready = new CountDownLatch(reviewers.size());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (RequestSpecification reviewer : reviewers) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return reviewer.body(Map.of("decision", "APPROVE")).post(review(id)).then().extract()
                            .statusCode();
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            statuses.sort(Integer::compare);
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
