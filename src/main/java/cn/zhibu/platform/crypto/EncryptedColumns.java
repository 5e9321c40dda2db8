package cn.zhibu.platform.crypto;

import java.util.List;
import java.util.function.Function;

/** What a capability keeps encrypted by {@link FieldCipher}: its columns, for {@link FieldKeyRotation}. */
public interface EncryptedColumns {

    List<Column> encryptedColumns();

    /**
     * A column of values encrypted by {@link FieldCipher}: its table, the key column it is found by and that
     * column's SQL type (its text is what {@code context} binds the value to), and what else an update sets (a
     * version that moves on).
     */
    record Column(String table, String idColumn, String idType, String column, Function<String, String> context,
            String alsoSet) {
    }
}
