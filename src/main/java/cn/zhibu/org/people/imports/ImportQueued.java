package cn.zhibu.org.people.imports;

import cn.zhibu.platform.security.Access;
import java.nio.charset.Charset;
import java.util.UUID;

/**
 * An import was accepted; once its transaction commits, the file is read in the background. It may
 * name only units within {@code reach} (where its requester may import people), and change only
 * people whose branch lies there.
 */
record ImportQueued(UUID id, byte[] file, Charset charset, boolean dryRun, Access.Reach reach) {
}
