package cn.zhibu.integrity.entry;

/** The kinds of entry in an integrity file, each with its own content. */
public enum EntryType {
    /** Basic profile snapshot (基本情况). */
    PROFILE,
    /** Family members and main social relations (家庭成员及主要社会关系). */
    FAMILY,
    /** The cadre's annual personal matters report (个人有关事项报告). */
    PERSONAL_MATTERS,
    /** Gifts and hospitality register (礼品礼金登记). */
    GIFT,
    /** Integrity talks: reminder, admonishment, letter inquiry (提醒谈话、诫勉谈话、函询). */
    TALK,
    /** Discipline and accountability records (执纪问责). */
    DISCIPLINE,
    /** Periodic conduct reviews (作风情况). */
    CONDUCT_REVIEW,
    /** A request for an integrity opinion (廉政意见回复 request). */
    OPINION_REQUEST,
    /** The integrity officer's opinion reply (廉政意见回复). */
    OPINION_REPLY
}
