package cn.zhibu.platform.secrets;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Random secrets the service makes for itself and keeps in PostgreSQL, so every replica uses the
 * same one: the first replica to ask creates it, the others read it.
 */
@ApplicationScoped
public class ServerSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final EntityManager em;
    private final Clock clock;

    ServerSecrets(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The 32-byte secret of this name, created on first use. */
    public byte[] get(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            em.createNativeQuery("""
                    insert into server_secret (name, secret, created_at) values (?1, ?2, ?3)
                    on conflict (name) do nothing""")
                    .setParameter(1, name).setParameter(2, fresh)
                    .setParameter(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
            return (byte[]) em.createNativeQuery("select secret from server_secret where name = ?1")
                    .setParameter(1, name).getSingleResult();
        });
    }
}
