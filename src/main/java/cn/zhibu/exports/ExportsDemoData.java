package cn.zhibu.exports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Demo data ({@code zhibu.demo=true}): a finished export of the demo branch's last year, every section but the integrity
 * figures (which its secretary does not read), asked for as its secretary would and run at load time as the worker would run it, so that {@code GET /v1/exports} lists one
 * and its ZIP downloads. Added once: nothing happens when the branch has an export of that year.
 */
@ApplicationScoped
public class ExportsDemoData {

    /** The demo branch's name (as the org demo data makes it). */
    static final String BRANCH = "示范区委组织部机关党支部";
    private static final Logger LOG = Logger.getLogger(ExportsDemoData.class);

    private final EntityManager em;
    private final ExportJobs jobs;
    private final ExportWorker worker;
    private final cn.zhibu.platform.time.BusinessCalendar calendar;

    ExportsDemoData(EntityManager em, ExportJobs jobs, ExportWorker worker,
            cn.zhibu.platform.time.BusinessCalendar calendar) {
        this.em = em;
        this.jobs = jobs;
        this.worker = worker;
        this.calendar = calendar;
    }

    public void load() {
        int year = calendar.today().getYear() - 1;
        UUID branch = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> found = em.createNativeQuery("select id from org_unit where kind = 'BRANCH' and name = :name")
                    .setParameter("name", BRANCH).getResultList();
            if (found.isEmpty() || !em.createNativeQuery("select 1 from export_job where unit_id = :unit and year = "
                    + ":year").setParameter("unit", found.get(0)).setParameter("year", year).setMaxResults(1)
                    .getResultList().isEmpty()) {
                return null;
            }
            return found.get(0);
        });
        if (branch == null) {
            return;
        }
        ExportViews.Job job = jobs.ask(branch, year, java.util.Arrays.stream(ExportSection.values())
                .filter(s -> s != ExportSection.INTEGRITY_COUNTS).toList(), "system:demo").job();
        worker.runOne(job.id());
        LOG.infof("Demo data: the ledger export %s of %d is %s", job.id(), year,
                jobs.find(job.id()).map(ExportViews.Job::state).orElse(null));
    }
}
