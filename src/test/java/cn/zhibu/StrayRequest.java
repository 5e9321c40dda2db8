package cn.zhibu;

/** A top-level request record, which the naming rules must refuse ({@link NamingConventionsTest}). */
record StrayRequest(String value) {
}
