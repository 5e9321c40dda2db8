package cn.zhibu.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The kubectl that renders the kustomizations: {@code -Dzhibu.kubectl=/path/to/kubectl}, or the
 * first {@code kubectl} on the PATH. CI installs Debian's {@code kubernetes-client} (kubectl 1.20,
 * kustomize v2.0.3); a recent kubectl (kustomize v5) renders the same manifests.
 */
final class Kubectl {

    static final String PROPERTY = "zhibu.kubectl";

    private final Path executable;

    private Kubectl(Path executable) {
        this.executable = executable;
    }

    /** The kubectl to use; fails the test, saying how to get one, when there is none. */
    static Kubectl find() {
        String configured = System.getProperty(PROPERTY, "").trim();
        if (!configured.isEmpty()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                fail("-D" + PROPERTY + "=" + configured + " is not an executable kubectl");
            }
            return new Kubectl(path);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl"))) {
                return new Kubectl(Path.of(dir, "kubectl"));
            }
        }
        return fail("kubectl is needed to render the manifests of k8s/overlays and was not found on the PATH. "
                + "Install Debian's kubernetes-client (apt-get install kubernetes-client; .ci/run does it), "
                + "or name one with -D" + PROPERTY + "=/path/to/kubectl");
    }

    /** {@code kubectl kustomize dir}: the rendered YAML stream; fails the test with kubectl's errors. */
    String kustomize(Path dir) {
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(List.of(executable.toString(), "kustomize", dir.toString()))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(executable + " kustomize " + dir + " did not finish in 120 s");
                }
                String errors = Files.readString(err, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    fail(executable + " kustomize " + dir + " failed (exit " + process.exitValue() + "):\n" + errors);
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return fail("Could not run " + executable + " kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while rendering " + dir, e);
        }
    }

    @Override
    public String toString() {
        return executable.toString();
    }
}
