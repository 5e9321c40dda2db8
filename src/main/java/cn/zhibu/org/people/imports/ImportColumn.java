package cn.zhibu.org.people.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The columns of a people CSV file, by their English or Chinese header names. */
public enum ImportColumn {
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

    /** The English header name, which errors use to name the column. */
    public String english() {
        return english;
    }

    public String chinese() {
        return chinese;
    }

    public boolean required() {
        return required;
    }

    /** The column a header cell names: English (any case) or Chinese. */
    public static Optional<ImportColumn> named(String header) {
        String name = header.trim();
        return Arrays.stream(values())
                .filter(c -> c.english.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                        || c.chinese.equals(name))
                .findFirst();
    }
}
