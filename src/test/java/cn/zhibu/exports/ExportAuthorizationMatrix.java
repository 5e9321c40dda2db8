package cn.zhibu.exports;

import cn.zhibu.identity.AuthorizationMatrixTest.Operation;
import cn.zhibu.platform.security.Roles;
import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exports' operations in the authorisation matrix ({@code AuthorizationMatrixTest}): secretaries and org admins
 * of the unit (EXPORT_MANAGE) ask for, follow and download its exports; elsewhere they do not exist. The export
 * followed and downloaded is a DONE row made in SQL, one per branch (no worker runs).
 */
public final class ExportAuthorizationMatrix {

    private static final List<String> MANAGERS = List.of(Roles.SECRETARY, Roles.ORG_ADMIN);
    private static final Map<String, String> DONE = new ConcurrentHashMap<>();

    private ExportAuthorizationMatrix() {
    }

    public static List<Operation> operations() {
        return List.of(
                new Operation("createExport", t -> r -> r.body(Map.of("unitId", t.branch(), "year",
                        TestTime.today().getYear() - 1, "sections", List.of("SESSIONS"))).post("/v1/exports"),
                        MANAGERS, 202, 404),
                new Operation("listExports", t -> r -> r.get("/v1/exports"), MANAGERS, 200, 403,
                        Map.of(Roles.SECRETARY, 200, Roles.ORG_ADMIN, 200)),
                new Operation("getExport", t -> r -> r.get("/v1/exports/" + done(t.branch())), MANAGERS, 200, 404),
                new Operation("downloadExport", t -> r -> r.accept("*/*").get("/v1/exports/" + done(t.branch())
                        + "/download"), MANAGERS, 200, 404));
    }

    /** A DONE export of the branch, with its file. */
    private static String done(String branch) {
        return DONE.computeIfAbsent(branch, b -> {
            String id = UUID.randomUUID().toString();
            byte[] zip = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            Sql.execute("insert into export_job (id, unit_id, year, sections, requested_by, created_at, state, percent,"
                    + " attempts, started_at, finished_at, expires_at, sha256, bytes, version) values (?1, ?2, ?3, "
                    + "array[cast('SESSIONS' as varchar)], 'matrix', now(), 'DONE', 100, 1, now(), now(), now() + "
                    + "interval '7 days', repeat('a', 64), ?4, 3)", id, b, TestTime.today().getYear() - 2, zip.length);
            Sql.execute("insert into export_file (job_id, content) values (?1, ?2)", id, zip);
            return id;
        });
    }
}
