package cn.zhibu.exports;

import java.util.List;

/**
 * What each section's sheet holds: its Chinese headers, the type of each column, and the query that reads its rows
 * for a unit's subtree ({@code :path}, the unit's materialised path) and a calendar year ({@code :day0} inclusive,
 * {@code :day1} exclusive, as dates and as instants {@code :at0}, {@code :at1} in the business zone; and
 * {@code :year}). A session, lecture or check-in belongs to the branch it was held or made in; a ledger entry,
 * quiz attempt or person's honour to the person's branch on its day (for honours: during the year).
 */
final class LedgerSheets {

    /** The type of a column: text, a number, a date, or a date and time (in the business zone). */
    enum Type { TEXT, NUMBER, DATE, DATE_TIME }

    record Column(String header, Type type, int width) {
    }

    record Sheet(ExportSection section, List<Column> columns, String sql) {
    }

    private LedgerSheets() {
    }

    /** The name shown of the person of the alias: an erased leaver is 已离开成员, whatever their row still holds. */
    static String name(String person) {
        return "(case when " + person + ".erased_at is null then " + person + ".name else '已离开成员' end)";
    }

    /**
     * Keeps to people with a branch membership in the subtree during the year: the query starts from the subtree's
     * memberships (then each person's rows by index) rather than from the whole organisation's year.
     */
    private static String inSubtree(String person) {
        return " and " + person + " in (select ms.person_id from membership ms join org_unit u on u.id = "
                + "ms.org_unit_id where ms.is_branch and u.path like :path || '%' and ms.start_date < :day1 "
                + "and (ms.end_date is null or ms.end_date >= :day0)) ";
    }

    /** The person's branch on a day: the lateral join's alias {@code pb} (name, path). */
    private static String branchOn(String person, String day) {
        return " join lateral (select u.name as name, u.path as path from membership ms join org_unit u on u.id = "
                + "ms.org_unit_id where ms.person_id = " + person + " and ms.is_branch and ms.start_date <= " + day
                + " and (ms.end_date is null or ms.end_date >= " + day + ") order by ms.start_date desc limit 1) pb "
                + "on pb.path like :path || '%' ";
    }

    private static Column text(String header, int width) {
        return new Column(header, Type.TEXT, width);
    }

    private static Column number(String header) {
        return new Column(header, Type.NUMBER, 10);
    }

    private static Column date(String header) {
        return new Column(header, Type.DATE, 12);
    }

    private static Column dateTime(String header) {
        return new Column(header, Type.DATE_TIME, 18);
    }

    static Sheet of(ExportSection section) {
        return switch (section) {
            case SESSIONS -> new Sheet(section, List.of(date("日期"), text("类型", 14), text("主题", 30),
                    text("地点", 16), text("状态", 10), text("支部", 16), text("主持人", 10), text("记录人", 10),
                    text("议题", 40), number("决议数"), dateTime("记录归档时间"), number("出席人数"), number("请假人数"),
                    number("缺席人数"), text("出席人员", 40), number("附件数")), """
                    select d.held_on, case d.kind when 'MEMBER_ASSEMBLY' then '支部党员大会'
                        when 'BRANCH_COMMITTEE' then '支部委员会' when 'PARTY_GROUP_MEETING' then '党小组会'
                        when 'PARTY_LECTURE' then '党课' when 'THEMED_PARTY_DAY' then '主题党日'
                        when 'ORG_LIFE_MEETING' then '组织生活会' when 'INTEGRITY_EDUCATION' then '廉政教育'
                        when 'STUDY_SESSION' then '学习会' when 'FIELD_TEACHING' then '现场教学' else d.kind end,
                        d.theme, d.place, d.state, b.name, """ + name("h") + ", " + name("r") + """
                    ,
                        (select string_agg(t, '；') from jsonb_array_elements_text(m.topics) t),
                        jsonb_array_length(m.resolutions), m.archived_at,
                        (select count(*) from attendance a where a.party_day_id = d.id and a.status = 'PRESENT'),
                        (select count(*) from attendance a where a.party_day_id = d.id and a.status = 'LEAVE'),
                        (select count(*) from attendance a where a.party_day_id = d.id and a.status = 'ABSENT'),
                        (select string_agg(""" + name("p") + ", '、' order by " + name("p") + """
                    ) from attendance a join person p
                            on p.id = a.person_id where a.party_day_id = d.id and a.status = 'PRESENT'),
                        (select count(*) from minutes_attachment x where x.party_day_id = d.id)
                    from party_day d join org_unit b on b.id = d.branch_id
                    left join minutes m on m.party_day_id = d.id left join person h on h.id = m.host_id
                    left join person r on r.id = m.recorder_id
                    where b.path like :path || '%' and d.held_on >= :day0 and d.held_on < :day1
                    order by d.held_on, d.starts_at, d.id""");
            case LECTURES -> new Sheet(section, List.of(date("日期"), text("活动主题", 30), text("支部", 16),
                    number("序号"), text("主讲人", 10), text("安排原因", 14), text("轮值科室", 16), text("状态", 14),
                    text("题目", 30), dateTime("记录时间")), """
                    select d.held_on, d.theme, b.name, l.slot, """ + name("s") + """
                    , l.reason, hu.name, l.outcome, l.topic,
                        l.recorded_at
                    from micro_lecture l join party_day d on d.id = l.party_day_id
                    join org_unit b on b.id = d.branch_id left join person s on s.id = l.speaker_id
                    left join org_unit hu on hu.id = d.host_unit_id
                    where b.path like :path || '%' and d.held_on >= :day0 and d.held_on < :day1
                    order by d.held_on, d.id, l.slot""");
            case CHECK_INS_AND_POINTS -> new Sheet(section, List.of(text("记录类型", 10), date("日期"),
                    text("姓名", 10), text("支部", 16), text("内容", 40), number("积分"), text("状态", 10),
                    dateTime("记录时间")), """
                    select * from (
                    select '学习打卡' as kind, c.business_date as day, """ + name("p") + """
                     as who, b.name as branch,
                        coalesce(sm.title, c.note) as content, e.points, c.status, c.created_at as at
                    from check_in c join person p on p.id = c.person_id join org_unit b on b.id = c.branch_id
                    left join study_material sm on sm.id = c.material_id
                    left join ledger_entry e on e.id = c.ledger_entry_id
                    where b.path like :path || '%' and c.business_date >= :day0 and c.business_date < :day1
                    union all
                    select '积分台账', l.business_date, """ + name("p") + """
                    , pb.name, l.activity_type || coalesce('：' || l.reason, ''),
                        l.points, case when l.reverses is null then '记入' else '冲正' end, l.created_at
                    from ledger_entry l join person p on p.id = l.person_id"""
                    + branchOn("l.person_id", "l.business_date") + """
                    where l.business_date >= :day0 and l.business_date < :day1""" + inSubtree("l.person_id") + """
                    ) x
                    order by kind desc, day, at""");
            case QUIZZES -> new Sheet(section, List.of(date("日期"), text("姓名", 10), text("支部", 16),
                    text("测验", 30), number("得分"), number("题数"), number("及格分"), text("练习", 6), number("积分"),
                    dateTime("提交时间")), """
                    select a.business_date, """ + name("p") + """
                    , pb.name, q.title, a.score, a.question_count, a.pass_score,
                        case when a.practice then '是' else '否' end, a.points, a.submitted_at
                    from quiz_attempt a join quiz q on q.id = a.quiz_id join person p on p.id = a.person_id"""
                    + branchOn("a.person_id", "a.business_date") + """
                    where a.submitted_at is not null and a.business_date >= :day0 and a.business_date < :day1"""
                    + inSubtree("a.person_id") + """
                    order by a.business_date, a.submitted_at, a.id""");
            case EVALUATIONS_AND_HONOURS -> new Sheet(section, List.of(text("类别", 10), number("年度"),
                    text("名称", 30), text("对象", 16), text("结果或级别", 12), text("说明", 40), dateTime("时间")), """
                    select * from (
                    select '评选结果' as kind, c.year, c.title, """ + name("p") + """
                     as who, d.outcome, d.reason, c.closed_at as at
                    from campaign_decision d join campaign c on c.id = d.campaign_id
                    join org_unit u on u.id = c.unit_id join person p on p.id = d.person_id
                    where c.state = 'CLOSED' and c.year = :year and u.path like :path || '%'
                    union all
                    select '荣誉', h.year, h.title, coalesce(""" + name("p") + """
                    , hu.name), h.level, h.awarded_by, h.created_at
                    from honour h left join person p on p.id = h.person_id left join org_unit hu on hu.id = h.unit_id
                    where h.year = :year and (hu.path like :path || '%' or exists (select 1 from membership ms
                        join org_unit u on u.id = ms.org_unit_id where ms.person_id = h.person_id and ms.is_branch
                        and u.path like :path || '%' and ms.start_date < :day1
                        and (ms.end_date is null or ms.end_date >= :day0)))) x
                    order by kind desc, at, title""");
            case INTEGRITY_COUNTS -> new Sheet(section, List.of(text("指标", 40), number("数量")), """
                    select '在档的廉政档案（导出时）', count(*) from integrity_file f join org_unit u on u.id = f.unit_id
                        where u.path like :path || '%' and f.state = 'OPEN'
                    union all
                    select '本年新建的廉政档案', count(*) from integrity_file f join org_unit u on u.id = f.unit_id
                        where u.path like :path || '%' and f.opened_at >= :at0 and f.opened_at < :at1
                    union all
                    select '本年度个人有关事项报告：已接受', count(*) from integrity_declaration d
                        join integrity_file f on f.id = d.file_id join org_unit u on u.id = f.unit_id
                        where u.path like :path || '%' and d.type = 'PERSONAL_MATTERS' and d.report_year = :year
                        and d.state = 'ACCEPTED'
                    union all
                    select '本年度个人有关事项报告：待审核', count(*) from integrity_declaration d
                        join integrity_file f on f.id = d.file_id join org_unit u on u.id = f.unit_id
                        where u.path like :path || '%' and d.type = 'PERSONAL_MATTERS' and d.report_year = :year
                        and d.state in ('AWAITING_UNIT', 'AWAITING_OFFICER')
                    union all
                    select '本年度个人有关事项报告：已退回', count(*) from integrity_declaration d
                        join integrity_file f on f.id = d.file_id join org_unit u on u.id = f.unit_id
                        where u.path like :path || '%' and d.type = 'PERSONAL_MATTERS' and d.report_year = :year
                        and d.state = 'RETURNED'
                    union all
                    select '本年记入档案的条目', count(*) from integrity_entry e join integrity_file f on f.id = e.file_id
                        join org_unit u on u.id = f.unit_id where u.path like :path || '%'
                        and e.recorded_at >= :at0 and e.recorded_at < :at1
                    union all
                    select '复核已逾期的在档档案（导出时）', count(*) from integrity_file f
                        join org_unit u on u.id = f.unit_id where u.path like :path || '%' and f.state = 'OPEN'
                        and f.next_review_due < :today""");
        };
    }
}
