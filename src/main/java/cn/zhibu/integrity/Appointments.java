package cn.zhibu.integrity;

import cn.zhibu.org.people.LeadingCadreAppointed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Opens the integrity file of a person made a leading cadre, in the same transaction: due a month later. */
@ApplicationScoped
class Appointments {

    private final IntegrityFileService files;

    Appointments(IntegrityFileService files) {
        this.files = files;
    }

    /** Also when people are added at start (demo data): the audit then needs a request context of its own. */
    @jakarta.enterprise.context.control.ActivateRequestContext
    void appointed(@Observes LeadingCadreAppointed appointment) {
        files.openOnAppointment(appointment.personId(), appointment.branchId(), appointment.on());
    }
}
