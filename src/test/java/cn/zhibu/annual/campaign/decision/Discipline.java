package cn.zhibu.annual.campaign.decision;

import cn.zhibu.testing.Sql;
import cn.zhibu.testing.TestTime;
import java.util.UUID;

/** A disciplinary entry recorded today in a person's integrity file (opened for it if none), straight in SQL. */
final class Discipline {

    private Discipline() {
    }

    static void record(String personId, String unitId) {
        Sql.execute("insert into integrity_file (id, person_id, unit_id, opened_reason, review_months, next_review_due, "
                + "state, entry_count, opened_at, updated_at, version) values (?1, ?2, ?3, 'OFFICER', 12, ?4, 'OPEN', 0, "
                + "?5, ?5, 0) on conflict (person_id) do nothing", UUID.randomUUID(), UUID.fromString(personId),
                UUID.fromString(unitId), TestTime.today().plusYears(1), TestTime.now());
        Sql.execute("insert into integrity_entry (id, file_id, seq, type, recorded_at, prev_hash, hash) "
                + "select ?1, f.id, f.entry_count + 1, 'DISCIPLINE', ?2, f.head_hash, ?3 from integrity_file f "
                + "where f.person_id = ?4", UUID.randomUUID(), TestTime.now(), new byte[32], UUID.fromString(personId));
        Sql.execute("update integrity_file set entry_count = entry_count + 1, head_hash = ?1 where person_id = ?2",
                new byte[32], UUID.fromString(personId));
    }
}
