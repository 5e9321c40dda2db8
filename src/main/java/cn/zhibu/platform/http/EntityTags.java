package cn.zhibu.platform.http;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ETags from JPA versions: a resource at version 7 has the strong ETag {@code "7"}. GETs answer
 * {@code If-None-Match} with 304 (weak comparison); updates must send {@code If-Match} with the
 * strong tag last read (428 without it or with {@code *}, 412 when stale or weak, 400 when malformed).
 */
public final class EntityTags {

    public static final String IF_MATCH_PATTERN = "^(W/)?\"[\\x21\\x23-\\x7E]{0,20}\"$";
    private static final Pattern TAG = Pattern.compile("(W/)?\"([^\"]*)\"");
    private static final Pattern IF_MATCH = Pattern.compile(IF_MATCH_PATTERN);
    private static final Pattern STRONG_VERSION = Pattern.compile("^\"[0-9]{1,18}\"$");

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

    /** The version an update expects, from {@code If-Match}: 428 when absent, 412 when not a version of ours. */
    public static long expectedVersion(String ifMatch) {
        String value = ifMatch == null ? "" : ifMatch.trim();
        if (value.isEmpty() || value.equals("*")) {
            throw new ProblemException(ProblemCode.PRECONDITION_REQUIRED);
        }
        if (!IF_MATCH.matcher(value).matches()) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "If-Match", "\"<version>\"");
        }
        if (!STRONG_VERSION.matcher(value).matches()) {
            throw new ProblemException(ProblemCode.PRECONDITION_FAILED); // weak or foreign tags never match
        }
        return Long.parseLong(value.substring(1, value.length() - 1));
    }

    /** Refuses an update whose expected version is not the stored one. */
    public static void checkVersion(long expected, long stored) {
        if (expected != stored) {
            throw new ProblemException(ProblemCode.PRECONDITION_FAILED);
        }
    }
}
