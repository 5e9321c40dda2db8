package cn.zhibu.identity.clients;

import cn.zhibu.identity.IdentityProblem;
import cn.zhibu.identity.tokens.AccessTokens;
import cn.zhibu.platform.crypto.Secrets;
import cn.zhibu.platform.paging.Page;
import cn.zhibu.platform.paging.PageRequest;
import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import cn.zhibu.platform.time.BusinessCalendar;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * API clients. A secret is 256 random bits, shown once and kept as its SHA-256 hash (a random
 * secret needs no slow hash). Rotation replaces the secret and refuses the tokens issued before it
 * (after a leak, the thief's tokens stop too); revocation refuses every token at once, since every
 * request reads the client.
 */
@ApplicationScoped
public class ApiClientService {

    private static final String ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final AccessTokens tokens;
    private final BusinessCalendar calendar;

    ApiClientService(AccessTokens tokens, BusinessCalendar calendar) {
        this.tokens = tokens;
        this.calendar = calendar;
    }

    @Transactional
    public ApiClientViews.WithSecret create(ApiClientViews.Create request, String createdBy) {
        ApiClient client = new ApiClient();
        client.id = UUID.randomUUID();
        client.clientId = "zc_" + Secrets.code(ID_ALPHABET, 20);
        client.name = request.name();
        client.scopes = String.join(" ", new LinkedHashSet<>(request.scopes()));
        client.unitId = request.unitId();
        client.createdBy = createdBy;
        client.createdAt = calendar.now();
        client.updatedAt = client.createdAt;
        client.secretRotatedAt = client.createdAt;
        String secret = newSecret(client);
        client.persist();
        ApiClient.flush();
        return new ApiClientViews.WithSecret(ApiClientViews.View.of(client), secret);
    }

    public Optional<ApiClientViews.View> find(UUID id) {
        return ApiClient.<ApiClient>findByIdOptional(id).map(ApiClientViews.View::of);
    }

    @Transactional
    public ApiClientViews.WithSecret rotate(UUID id) {
        ApiClient client = locked(id);
        if (client.revokedAt != null) {
            throw new ProblemException(IdentityProblem.API_CLIENT_REVOKED);
        }
        String secret = newSecret(client);
        client.updatedAt = calendar.now();
        client.secretRotatedAt = client.updatedAt;
        ApiClient.flush();
        return new ApiClientViews.WithSecret(ApiClientViews.View.of(client), secret);
    }

    @Transactional
    public ApiClientViews.View revoke(UUID id, String revokedBy) {
        ApiClient client = locked(id);
        if (client.revokedAt == null) {
            client.revokedAt = calendar.now();
            client.revokedBy = revokedBy;
            client.updatedAt = client.revokedAt;
            ApiClient.flush();
        }
        return ApiClientViews.View.of(client);
    }

    /** Clients of units under a path (or all), by name. */
    public Page<ApiClientViews.View> list(Optional<String> underPath, PageRequest page) {
        StringBuilder where = new StringBuilder("select c from ApiClient c where 1 = 1");
        Parameters parameters = new Parameters();
        underPath.ifPresent(path -> {
            where.append(" and c.unitId in (select u.id from OrgUnit u where u.path like :prefix)");
            parameters.and("prefix", path + "%");
        });
        page.after().ifPresent(after -> {
            where.append(" and (c.name > :name or (c.name = :name and c.id > :id))");
            parameters.and("name", after.get(0)).and("id", UUID.fromString(after.get(1)));
        });
        List<ApiClient> rows = ApiClient.<ApiClient>find(where + " order by c.name, c.id", parameters)
                .page(0, page.fetchSize()).list();
        return page.page(rows, c -> List.of(c.name, c.id.toString()), ApiClientViews.View::of);
    }

    /** The client credentials exchange: a token with the client's scopes (or the requested subset). */
    @Transactional
    public ApiClientViews.Token token(String clientId, String secret, Optional<String> requestedScope) {
        ApiClient client = ApiClient.<ApiClient>find("clientId", clientId == null ? "" : clientId).firstResultOptional()
                .orElse(null);
        byte[] presented = Secrets.sha256(secret == null ? "" : secret);
        if (client == null || client.revokedAt != null || !MessageDigest.isEqual(client.secretHash, presented)) {
            throw new ProblemException(IdentityProblem.CLIENT_CREDENTIALS_INVALID);
        }
        Set<String> granted = new LinkedHashSet<>(Arrays.asList(client.scopes.split(" ")));
        Set<String> scopes = granted;
        if (requestedScope.isPresent() && !requestedScope.get().isBlank()) {
            scopes = new LinkedHashSet<>(Arrays.asList(requestedScope.get().trim().split("\\s+")));
            if (!granted.containsAll(scopes)) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, "scope", String.join(" ", granted));
            }
        }
        String token = tokens.forClient(client.id, client.clientId, scopes, client.secretRotatedAt);
        return new ApiClientViews.Token(token, "Bearer", tokens.ttl().toSeconds(), String.join(" ", scopes));
    }

    private ApiClient locked(UUID id) {
        return ApiClient.<ApiClient>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND));
    }

    private static String newSecret(ApiClient client) {
        String secret = "zs_" + Secrets.urlSafe(32);
        client.secretHash = Secrets.sha256(secret);
        return secret;
    }


}
