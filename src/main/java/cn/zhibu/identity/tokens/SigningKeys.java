package cn.zhibu.identity.tokens;

import cn.zhibu.platform.crypto.FieldCipher;
import cn.zhibu.platform.db.Rows;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The RSA keys that sign access tokens, kept in the database so that every replica signs and
 * verifies with the same keys. With {@code zhibu.jwt.private-key.location} set, that key signs (and
 * only its public half is stored, for the replicas and the JWKS); otherwise a key is generated, its
 * private half stored encrypted, and replaced after {@code zhibu.jwt.key-rotation}. A key keeps
 * verifying until every token it signed has expired.
 * <p>
 * The in-memory copies are a cache whose staleness is harmless: an unknown key id triggers a
 * reload (one query on a tiny table; every authenticated request reads the database anyway), and
 * the signing key is re-read when it stops signing.
 */
@ApplicationScoped
public class SigningKeys implements cn.zhibu.platform.crypto.EncryptedColumns {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final long KEY_LOCK = 0x7a6b65792d6a7774L; // "zkey-jwt"

    private final EntityManager em;
    private final FieldCipher cipher;
    private final BusinessCalendar calendar;
    private final Optional<String> configuredKeyLocation;
    private final Optional<String> configuredKeyId;
    private final Duration rotation;
    private final Duration longestToken;
    private final long unknownKeyReloadNanos;
    private final Map<String, Verifying> verifying = new ConcurrentHashMap<>();
    private static final long REFRESH_NANOS = Duration.ofMinutes(1).toNanos();
    private static final java.lang.invoke.VarHandle LAST_RELOAD;

    static {
        try {
            LAST_RELOAD = java.lang.invoke.MethodHandles.lookup().findVarHandle(SigningKeys.class, "lastReload",
                    long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    private final java.util.Set<String> untrusted = ConcurrentHashMap.newKeySet();
    private volatile Signing signing;
    private final java.util.Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile long lastReload = System.nanoTime() - REFRESH_NANOS - 1;

    SigningKeys(EntityManager em, FieldCipher cipher, BusinessCalendar calendar, TokenSettings settings) {
        this.em = em;
        this.cipher = cipher;
        this.calendar = calendar;
        this.configuredKeyLocation = settings.privateKeyLocation();
        this.configuredKeyId = settings.keyId();
        this.rotation = settings.keyRotation();
        this.longestToken = settings.accessTtl().plusMinutes(5);
        this.unknownKeyReloadNanos = settings.unknownKeyReload().toNanos();
    }

    void start(@Observes StartupEvent event) {
        current();
    }

    /** The key that signs now (made or loaded on first use, and when the previous one stops signing). */
    public Signing current() {
        Signing now = signing;
        if (now == null || !now.signsUntil().isAfter(calendar.now())) {
            synchronized (this) {
                now = signing;
                if (now == null || !now.signsUntil().isAfter(calendar.now())) {
                    now = QuarkusTransaction.requiringNew().call(this::loadOrMakeSigningKey);
                    signing = now;
                }
            }
        }
        return now;
    }

    /** The public key with this id, if it still verifies. */
    public Optional<PublicKey> verificationKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        refreshIfStale();
        Verifying key = verifying.get(kid);
        long last = lastReload;
        if (key == null && System.nanoTime() - last > unknownKeyReloadNanos
                && LAST_RELOAD.compareAndSet(this, last, System.nanoTime())) { // one thread reloads, the others go on
            // made by another replica since the last reload, or not ours at all: looked up at most once in zhibu.jwt.unknown-key-reload
            reload();
            key = verifying.get(kid);
        }
        if (key == null || !key.verifiesUntil().isAfter(calendar.now())) {
            return Optional.empty();
        }
        return Optional.of(key.key());
    }

    /** The keys that verify now, as a JSON Web Key Set (JSON text). */
    public String jwks() {
        refreshIfStale();
        Instant now = calendar.now();
        List<JsonWebKey> keys = verifying.entrySet().stream()
                .filter(e -> e.getValue().verifiesUntil().isAfter(now))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> jwk(e.getKey(), e.getValue().key()))
                .toList();
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** Keys withdrawn or shortened in the database stop verifying here within a minute. */
    private void refreshIfStale() {
        if (System.nanoTime() - lastReload > REFRESH_NANOS) {
            reload();
        }
    }

    /**
     * The table as it is now: new keys added, changed ones replaced, deleted and lapsed ones dropped. A row verifies only
     * when the service made it ({@link #trusted}); its public key is never taken from the row as it stands.
     */
    private void reload() {
        List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select kid as kid, public_key as public_key, private_key_cipher as private_key_cipher, "
                + "public_key_seal as public_key_seal, verifies_until as verifies_until from signing_key "
                + "where verifies_until > :now", Tuple.class)
                .setParameter("now", calendar.now()).getResultList());
        Map<String, Verifying> current = new java.util.HashMap<>();
        for (Tuple row : rows) {
            String kid = Rows.string(row, "kid");
            trusted(kid, Rows.bytes(row, "public_key"), Rows.bytes(row, "private_key_cipher"),
                    Rows.bytes(row, "public_key_seal")).ifPresent(
                    key -> current.put(kid, new Verifying(key, Rows.instant(row, "verifies_until"))));
        }
        verifying.putAll(current);
        Signing signs = signing;
        // the key this replica just made may not be committed yet: it stays until it has been seen once;
        // a key seen before and gone now was withdrawn, and if this replica signs with it, it stops
        boolean signsUnseen = signs != null && !current.containsKey(signs.kid()) && !seen.contains(signs.kid());
        verifying.keySet().removeIf(kid -> !current.containsKey(kid) && !(signsUnseen && signs.kid().equals(kid)));
        seen.addAll(current.keySet());
        if (signs != null && !current.containsKey(signs.kid()) && !signsUnseen) {
            signing = null;
        }
        lastReload = System.nanoTime();
    }

    /**
     * The public key of a row the service made: a generated key's is derived from its private half, which decrypts
     * under the field key; a configured key's is the row's if its seal (under the field key) says so. Any other row,
     * however it got there, verifies nothing (logged once).
     */
    private Optional<PublicKey> trusted(String kid, byte[] publicKey, byte[] privateCipher, byte[] seal) {
        try {
            if (privateCipher != null) {
                return Optional.of(derivePublic(privateKey(cipher.decrypt(privateCipher, context(kid)))));
            }
            if (seal != null && Base64.getEncoder().encodeToString(publicKey)
                    .equals(cipher.decrypt(seal, sealContext(kid)))) {
                return Optional.of(publicKey(publicKey));
            }
        } catch (RuntimeException | GeneralSecurityException e) {
            // not decryptable under the field key: not ours
        }
        if (untrusted.add(kid)) {
            LOG.warnf("Signing key %s in the database was not made by this service (or its seal does not match the "
                    + "field key): it verifies no token", kid);
        }
        return Optional.empty();
    }

    private Signing loadOrMakeSigningKey() {
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", KEY_LOCK).getSingleResult();
        Instant now = calendar.now();
        if (configuredKeyLocation.isPresent()) {
            return configuredKey(now);
        }
        List<Tuple> rows = em.createNativeQuery("select kid as kid, private_key_cipher as private_key_cipher, "
                + "signs_until as signs_until, verifies_until as verifies_until from signing_key "
                + "where private_key_cipher is not null and signs_until > :now "
                + "order by signs_until desc", Tuple.class).setParameter("now", now).getResultList();
        for (Tuple row : rows) {
            String kid = Rows.string(row, "kid");
            PrivateKey privateKey;
            try {
                privateKey = privateKey(cipher.decrypt(Rows.bytes(row, "private_key_cipher"), context(kid)));
            } catch (RuntimeException e) {
                // a row this service cannot open (another field key, or written by hand) signs nothing
                LOG.warnf("Signing key %s in the database does not decrypt under the field key (%s): not used",
                        kid, e.getMessage());
                continue;
            }
            try {
                verifying.put(kid, new Verifying(derivePublic(privateKey), Rows.instant(row, "verifies_until")));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("A stored signing key is not an RSA key", e);
            }
            return new Signing(kid, privateKey, Rows.instant(row, "signs_until"));
        }
        return generate(now);
    }

    private Signing generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = now.toString().substring(0, 10) + "-" + HexFormat.of().formatHex(
                    UUID.randomUUID().toString().getBytes(), 0, 4);
            Instant signsUntil = now.plus(rotation);
            em.createNativeQuery("insert into signing_key (kid, public_key, private_key_cipher, created_at, signs_until, "
                    + "verifies_until) values (:kid, :pub, :priv, :now, :signs, :verifies)")
                    .setParameter("kid", kid)
                    .setParameter("pub", pair.getPublic().getEncoded())
                    .setParameter("priv", cipher.encrypt(Base64.getEncoder().encodeToString(
                            pair.getPrivate().getEncoded()), context(kid)))
                    .setParameter("now", now)
                    .setParameter("signs", signsUntil)
                    .setParameter("verifies", signsUntil.plus(longestToken))
                    .executeUpdate();
            // known here at once; other replicas read it when they first meet its id
            verifying.put(kid, new Verifying(pair.getPublic(), signsUntil.plus(longestToken)));
            LOG.infof("Generated a new token signing key %s", kid);
            return new Signing(kid, pair.getPrivate(), signsUntil);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No RSA key generator", e);
        }
    }

    private Signing configuredKey(Instant now) {
        try {
            PrivateKey privateKey = KeyUtils.decodePrivateKey(readPem(configuredKeyLocation.get()));
            String kid = configuredKeyId.orElseThrow(() -> new IllegalStateException(
                    "zhibu.jwt.key-id must name the key given by zhibu.jwt.private-key.location"));
            PublicKey publicKey = derivePublic(privateKey);
            // a configured key signs until another one is configured: its row is pushed forward each start
            Instant far = now.plus(Duration.ofDays(3650));
            em.createNativeQuery("insert into signing_key (kid, public_key, public_key_seal, created_at, signs_until, "
                    + "verifies_until) values (:kid, :pub, :seal, :now, :signs, :verifies) on conflict (kid) do update "
                    + "set public_key = excluded.public_key, public_key_seal = excluded.public_key_seal, "
                    + "signs_until = excluded.signs_until, verifies_until = excluded.verifies_until")
                    .setParameter("kid", kid).setParameter("pub", publicKey.getEncoded())
                    .setParameter("seal", cipher.encrypt(Base64.getEncoder().encodeToString(publicKey.getEncoded()),
                            sealContext(kid)))
                    .setParameter("now", now)
                    .setParameter("signs", far).setParameter("verifies", far).executeUpdate();
            // keys configured before keep verifying the tokens they signed, then lapse
            em.createNativeQuery("update signing_key set signs_until = least(signs_until, :now), "
                    + "verifies_until = least(verifies_until, :until) where kid <> :kid and private_key_cipher is null")
                    .setParameter("now", now).setParameter("until", now.plus(longestToken)).setParameter("kid", kid)
                    .executeUpdate();
            verifying.put(kid, new Verifying(publicKey, far));
            return new Signing(kid, privateKey, far);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("The token signing key in zhibu.jwt.private-key.location cannot be read", e);
        }
    }

    /** A PEM file at a path (a mounted secret), or a resource on the class path. */
    private static String readPem(String location) throws java.io.IOException {
        String path = location.startsWith("file:") ? java.net.URI.create(location).getPath() : location;
        if (java.nio.file.Files.isRegularFile(java.nio.file.Path.of(path))) {
            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
        }
        try (java.io.InputStream resource = Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (resource == null) {
                throw new java.io.FileNotFoundException(location);
            }
            return new String(resource.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private static PublicKey derivePublic(PrivateKey key) throws GeneralSecurityException {
        var rsa = (java.security.interfaces.RSAPrivateCrtKey) key;
        return KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
    }

    private static PublicKey publicKey(byte[] encoded) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored signing key is not an RSA public key", e);
        }
    }

    private static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored signing key is not an RSA private key", e);
        }
    }

    private static JsonWebKey jwk(String kid, PublicKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
            jwk.setKeyId(kid);
            jwk.setUse(Use.SIGNATURE);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("A signing key cannot be published as a JWK", e);
        }
    }

    /** Generated keys' private halves, and configured keys' seals, are encrypted fields (rotated with the field key). */
    @Override
    public List<Column> encryptedColumns() {
        return List.of(new Column("signing_key", "kid", "text", "private_key_cipher", SigningKeys::context, ""),
                new Column("signing_key", "kid", "text", "public_key_seal", SigningKeys::sealContext, ""));
    }

    private static String context(String kid) {
        return "signing_key:" + kid;
    }

    private static String sealContext(String kid) {
        return "signing_key_public:" + kid;
    }

    /** The key that signs, its id, and until when it signs. */
    public record Signing(String kid, PrivateKey key, Instant signsUntil) {
    }

    private record Verifying(PublicKey key, Instant verifiesUntil) {
    }
}
