package cn.zhibu.org.people.imports;

import java.nio.charset.Charset;
import java.util.UUID;

/** An import was accepted; once its transaction commits, the file is read in the background. */
record ImportQueued(UUID id, byte[] file, Charset charset, boolean dryRun) {
}
