package cn.zhibu.privacy.mydata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Native queries of one person's rows, named {@code :me}, read in the caller's transaction. */
@ApplicationScoped
class MyDataQueries {

    private final EntityManager em;

    MyDataQueries(EntityManager em) {
        this.em = em;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> rows(String sql, UUID me, Function<Tuple, T> map) {
        List<Tuple> rows = em.createNativeQuery(sql, Tuple.class).setParameter("me", me).getResultList();
        return rows.stream().map(map).toList();
    }

    /** A text array column as a list (empty for null). */
    static List<String> texts(Tuple row, String alias) {
        Object value = row.get(alias);
        if (value == null) {
            return List.of();
        }
        try {
            Object[] items = value instanceof Array array ? (Object[]) array.getArray() : (Object[]) value;
            return Arrays.stream(items).map(String::valueOf).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
