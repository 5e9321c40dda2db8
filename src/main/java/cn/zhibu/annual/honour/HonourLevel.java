package cn.zhibu.annual.honour;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The level of the body that awarded an honour, highest first, each with its Chinese label. */
@Schema(name = "HonourLevel", description = "NATIONAL 国家, PROVINCIAL 省, MUNICIPAL 市, DISTRICT 区, BRANCH 支部")
public enum HonourLevel {
    NATIONAL("国家"), PROVINCIAL("省"), MUNICIPAL("市"), DISTRICT("区"), BRANCH("支部");

    private final String label;

    HonourLevel(String label) {
        this.label = label;
    }

    /** The level's Chinese label (国家 … 支部). */
    public String label() {
        return label;
    }
}
