package cn.zhibu.platform.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ETags from JPA versions: a resource at version 7 has the strong ETag {@code "7"}. GETs answer
 * {@code If-None-Match} with 304 (weak comparison); updates take {@link IfMatch}.
 */
public final class EntityTags {

    private static final Pattern TAG = Pattern.compile("(W/)?\"([^\"]*)\"");
    private static final long CONTENT_TAG_RANGE = 1_000_000_000_000_000_000L;

    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Whether {@code If-None-Match} names the current tag (weak comparison, {@code *} matches any). */
    public static boolean notModified(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        Matcher m = TAG.matcher(ifNoneMatch);
        while (m.find()) {
            if (m.group(2).equals(current.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** A read: 304 when {@code If-None-Match} names the current version, else 200 with the entity; both tagged. */
    public static Response.ResponseBuilder read(Object entity, long version, String ifNoneMatch) {
        EntityTag tag = of(version);
        return notModified(ifNoneMatch, tag) ? Response.notModified(tag) : Response.ok(entity).tag(tag);
    }

    /**
     * A tag for content without a version (a computed read): a digest of its bytes, as a number below
     * 10^18 (the contract's pattern for tags), so it changes whenever any part of the content does.
     */
    public static long ofContent(byte[] content) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content);
            return (java.nio.ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE) % CONTENT_TAG_RANGE;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A successful change: 200 with the entity and its new tag. */
    public static Response changed(Object entity, long version) {
        return Response.ok(entity).tag(of(version)).build();
    }
}
