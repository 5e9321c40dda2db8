package cn.zhibu.org.people.imports;

import cn.zhibu.org.OrgUnit;
import cn.zhibu.org.people.Gender;
import cn.zhibu.org.people.PoliticalStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * A line of the file that passed the checks of its own, with its units resolved. Optional columns
 * the file does not have are {@code null} here (and {@code present} is false for them): they
 * leave a stored person's value as it is.
 */
record ImportRow(int line, String externalId, String name, Gender gender, LocalDate birthDate,
        PoliticalStatus politicalStatus, LocalDate partyJoinDate, String jobTitle, Boolean leadingCadre,
        String phone, OrgUnit branch, List<OrgUnit> groups, Presence present) {

    /** Which optional columns the file has. */
    record Presence(boolean partyJoinDate, boolean jobTitle, boolean leadingCadre, boolean phone, boolean groups) {
    }
}
