package cn.zhibu.org.people;

public enum Gender {
    MALE,
    FEMALE
}
