package cn.zhibu.lecture;

/**
 * Who a session expects, by its kind: the branch committee's members for a {@code BRANCH_COMMITTEE} meeting (all
 * the branch's members while it has named no committee), the party group's members for a
 * {@code PARTY_GROUP_MEETING}, the branch's members otherwise; always among the people who are members of the
 * branch on the session's day. The roll, sign-in and recorded attendance all ask here.
 */
public final class Audience {

    private Audience() {
    }

    /**
     * A sub-select of the ids of the people the session aliased {@code alias} expects (a correlated sub-query: it
     * reads the session's branch, kind, party group and day from the alias).
     */
    public static String expectedOf(String alias) {
        String d = alias + ".";
        return "select m.person_id from membership m where m.org_unit_id = " + d + "branch_id and m.is_branch"
                + " and m.start_date <= " + d + "held_on and (m.end_date is null or m.end_date >= " + d + "held_on)"
                + " and (" + d + "kind <> 'BRANCH_COMMITTEE' or " + committeeSeat(d + "branch_id", "m.person_id") + ")"
                + " and (" + d + "kind <> 'PARTY_GROUP_MEETING' or m.person_id in (select g.person_id from membership g"
                + " where g.org_unit_id = " + d + "party_group_id and g.start_date <= " + d + "held_on"
                + " and (g.end_date is null or g.end_date >= " + d + "held_on)))";
    }

    /** A sub-select of the ids of the people the session {@code :day} expects. */
    public static String expected() {
        return "select e.person_id from party_day s, lateral (" + expectedOf("s") + ") e where s.id = :day";
    }

    /**
     * A condition on the session aliased {@code alias} (of the person's branch) that holds where it expects the
     * person {@code person} ({@code :name} of a parameter) as its members were on {@code on}: for the sessions of a
     * person's own calendar.
     */
    public static String expects(String alias, String person, String on) {
        return " and (" + alias + ".kind not in ('BRANCH_COMMITTEE', 'PARTY_GROUP_MEETING')"
                + " or (" + alias + ".kind = 'BRANCH_COMMITTEE' and " + committeeSeat(alias + ".branch_id", person)
                + ")"
                + " or (" + alias + ".kind = 'PARTY_GROUP_MEETING' and exists (select 1 from membership g"
                + " where g.org_unit_id = " + alias + ".party_group_id and g.person_id = " + person
                + " and g.start_date <= " + on + " and (g.end_date is null or g.end_date >= " + on + "))))";
    }

    /** The person sits on the branch's committee, or the branch has named no committee (all its members count). */
    private static String committeeSeat(String branch, String person) {
        return "(" + person + " in (select c.person_id from branch_committee_member c where c.branch_id = " + branch
                + ") or not exists (select 1 from branch_committee_member c where c.branch_id = " + branch + "))";
    }

    /** Whether the session's kind expects only some of the branch's members. */
    public static boolean narrowed(PartyDayKind kind) {
        return kind == PartyDayKind.BRANCH_COMMITTEE || kind == PartyDayKind.PARTY_GROUP_MEETING;
    }
}
