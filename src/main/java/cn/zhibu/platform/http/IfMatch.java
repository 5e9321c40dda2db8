package cn.zhibu.platform.http;

import cn.zhibu.platform.problem.ProblemCode;
import cn.zhibu.platform.problem.ProblemException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code If-Match} header: the versions an update may apply to. Only strong tags can
 * match (RFC 9110, strong comparison); weak ones are kept out. Services check it against the
 * stored version inside their transaction.
 */
public final class IfMatch {

    /** One entity tag or a comma-separated list of them. */
    public static final String PATTERN = "^(W/)?\"[\\x21\\x23-\\x7E]{0,20}\"( *, *(W/)?\"[\\x21\\x23-\\x7E]{0,20}\"){0,9}$";
    private static final Pattern HEADER = Pattern.compile(PATTERN);
    private static final Pattern TAG = Pattern.compile("(W/)?\"([^\"]*)\"");
    private static final Pattern VERSION = Pattern.compile("0|[1-9][0-9]{0,17}");

    private final Set<Long> versions;

    private IfMatch(Set<Long> versions) {
        this.versions = Set.copyOf(versions);
    }

    /** 428 when the header is absent (or {@code *}: an update must name the version it read), 400 when malformed. */
    public static IfMatch parse(String header) {
        String value = header == null ? "" : header.trim();
        if (value.isEmpty() || value.equals("*")) {
            throw new ProblemException(ProblemCode.PRECONDITION_REQUIRED);
        }
        if (!HEADER.matcher(value).matches()) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "If-Match", "\"<version>\"");
        }
        Set<Long> versions = new LinkedHashSet<>();
        Matcher m = TAG.matcher(value);
        while (m.find()) {
            if (m.group(1) == null && VERSION.matcher(m.group(2)).matches()) {
                versions.add(Long.parseLong(m.group(2)));
            }
        }
        return new IfMatch(versions);
    }

    /** 412 unless the stored version is one the client named. */
    public void check(long storedVersion) {
        if (!versions.contains(storedVersion)) {
            throw new ProblemException(ProblemCode.PRECONDITION_FAILED);
        }
    }
}
