package cn.zhibu.platform.csv;

import java.util.List;
import java.util.Locale;

/** A column of an imported CSV file: named in its header in English (any case) or by one of its Chinese names. */
public interface CsvColumn {

    /** The English header name, which errors use to name the column. */
    String english();

    /** The Chinese header names it also answers to. */
    List<String> chinese();

    boolean required();

    /** Whether a header cell names this column. */
    default boolean namedBy(String header) {
        String name = header.trim();
        return english().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)) || chinese().contains(name);
    }
}
