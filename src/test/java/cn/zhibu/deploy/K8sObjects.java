package cn.zhibu.deploy;

import cn.zhibu.deploy.RenderedOverlay.PodTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small readings of Kubernetes objects that the manifest checks share. */
final class K8sObjects {

    private static final Pattern NGINX_SIZE = Pattern.compile("(\\d+)([kKmMgG]?)");

    private K8sObjects() {
    }

    static Integer containerPort(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (name.equals(port.path("name").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        return null;
    }

    static Set<String> servicePortNames(JsonNode service) {
        Set<String> names = new HashSet<>();
        for (JsonNode port : service.path("spec").path("ports")) {
            names.add(port.path("name").asText());
            names.add(port.path("port").asText());
        }
        return names;
    }

    /** The targetPort of the service's port of this name or number (as text), or null when it has none. */
    static String targetPort(JsonNode service, String nameOrNumber) {
        for (JsonNode port : service.path("spec").path("ports")) {
            if (nameOrNumber.equals(port.path("name").asText()) || nameOrNumber.equals(port.path("port").asText())) {
                return port.path("targetPort").asText(port.path("port").asText());
            }
        }
        return null;
    }

    static boolean writableTmp(PodTemplate pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText()) && !mount.path("readOnly").asBoolean(false)) {
                for (JsonNode volume : pod.spec().path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static Optional<JsonNode> autoscaler(RenderedOverlay overlay, JsonNode deployment) {
        return overlay.ofKind("HorizontalPodAutoscaler").filter(h -> {
            JsonNode target = h.path("spec").path("scaleTargetRef");
            return "Deployment".equals(target.path("kind").asText())
                    && deployment.path("metadata").path("name").asText().equals(target.path("name").asText());
        }).findFirst();
    }

    static Set<String> types(JsonNode policy) {
        Set<String> types = new HashSet<>();
        policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
        return types;
    }

    /** Whether a network policy rule lets this port through (a rule without ports lets all). */
    static boolean allowsPort(JsonNode rule, String protocol, int port) {
        if (!rule.has("ports")) {
            return true;
        }
        for (JsonNode allowed : rule.path("ports")) {
            if (protocol.equals(allowed.path("protocol").asText("TCP"))
                    && (!allowed.has("port") || allowed.path("port").asInt(-1) == port)) {
                return true;
            }
        }
        return false;
    }

    /** Why an image reference is not pinned, or empty when it has a digest or a tag other than latest. */
    static Optional<String> unpinned(String image) {
        if (image.isBlank()) {
            return Optional.of("(none): pin one by tag");
        }
        if (image.contains("@sha256:")) {
            return Optional.empty();
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        if (!last.contains(":")) {
            return Optional.of(image + " has no tag");
        }
        return "latest".equals(last.substring(last.indexOf(':') + 1)) ? Optional.of(image + " is latest")
                : Optional.empty();
    }

    /** ingress-nginx's size syntax (nginx's client_max_body_size: 16m, 512k, 1g; 0 = no limit) in bytes. */
    static long nginxSize(String size) {
        Matcher matcher = NGINX_SIZE.matcher(size.trim());
        if (!matcher.matches()) {
            return -1;
        }
        int shift = switch (matcher.group(2).toLowerCase()) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return new BigInteger(matcher.group(1)).shiftLeft(shift).longValueExact();
    }
}
