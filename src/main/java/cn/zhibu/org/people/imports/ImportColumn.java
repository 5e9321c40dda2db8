package cn.zhibu.org.people.imports;

import java.util.List;
import cn.zhibu.platform.csv.CsvColumn;

/** The columns of a people CSV file, by their English or Chinese header names. */
public enum ImportColumn implements CsvColumn {
    EXTERNAL_ID("externalId", "外部编号", true),
    NAME("name", "姓名", true),
    GENDER("gender", "性别", true),
    BIRTH_DATE("birthDate", "出生日期", true),
    POLITICAL_STATUS("politicalStatus", "政治面貌", true),
    PARTY_JOIN_DATE("partyJoinDate", "入党日期", false),
    JOB_TITLE("jobTitle", "职务", false),
    LEADING_CADRE("leadingCadre", "领导干部", false),
    PHONE("phone", "手机号", false),
    BRANCH("branch", "支部", true),
    GROUPS("groups", "党小组", false);

    private final String english;
    private final String chinese;
    private final boolean required;

    ImportColumn(String english, String chinese, boolean required) {
        this.english = english;
        this.chinese = chinese;
        this.required = required;
    }

    @Override
    public String english() {
        return english;
    }

    @Override
    public List<String> chinese() {
        return List.of(chinese);
    }

    @Override
    public boolean required() {
        return required;
    }
}
