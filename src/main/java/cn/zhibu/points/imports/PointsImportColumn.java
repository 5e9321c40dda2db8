package cn.zhibu.points.imports;

import cn.zhibu.platform.csv.CsvColumn;
import java.util.List;

/**
 * The columns of a points CSV file. The record's own id is 记录编号, not 外部编号: in people files
 * 外部编号 is a person's external id, so here that is 人员外部编号 (or 人员编号). A line names its
 * person by personExternalId or personId (the file has at least one of the two columns).
 */
public enum PointsImportColumn implements CsvColumn {
    EXTERNAL_ID("externalId", List.of("记录编号"), true),
    PERSON_EXTERNAL_ID("personExternalId", List.of("人员外部编号", "人员编号"), false),
    PERSON_ID("personId", List.of("人员ID", "人员id"), false),
    POINTS("points", List.of("积分"), true),
    DATE("date", List.of("日期"), true),
    REASON("reason", List.of("事由"), false);

    private final String english;
    private final List<String> chinese;
    private final boolean required;

    PointsImportColumn(String english, List<String> chinese, boolean required) {
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
        return chinese;
    }

    @Override
    public boolean required() {
        return required;
    }
}
