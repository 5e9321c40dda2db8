package cn.zhibu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The objects one overlay renders to, with the look-ups the manifest checks need. */
record RenderedOverlay(String name, List<JsonNode> objects) {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** Kinds whose objects hold a pod template at spec.template. */
    private static final Set<String> TEMPLATE_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "Job");

    /** A pod template (or pod) and the object that holds it. */
    record PodTemplate(JsonNode owner, JsonNode metadata, JsonNode spec) {

        JsonNode labels() {
            return metadata.path("labels");
        }

        /** Containers and init containers. */
        List<JsonNode> containers() {
            List<JsonNode> all = new ArrayList<>();
            spec.path("initContainers").forEach(all::add);
            spec.path("containers").forEach(all::add);
            return all;
        }
    }

    static RenderedOverlay parse(String name, String yamlStream) {
        List<JsonNode> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yamlStream)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.isObject() && document.has("kind")) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The rendering of overlay " + name + " is not YAML", e);
        }
        return new RenderedOverlay(name, List.copyOf(objects));
    }

    /** "overlay production, Deployment zhibu": where a problem is. */
    String at(JsonNode object) {
        return "overlay " + name + ", " + object.path("kind").asText() + " " + object.path("metadata").path("name")
                .asText();
    }

    Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    Optional<JsonNode> named(String kind, String objectName) {
        return ofKind(kind).filter(o -> objectName.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    List<PodTemplate> podTemplates() {
        List<PodTemplate> templates = new ArrayList<>();
        for (JsonNode object : objects) {
            String kind = object.path("kind").asText();
            if (TEMPLATE_KINDS.contains(kind)) {
                JsonNode template = object.path("spec").path("template");
                templates.add(new PodTemplate(object, template.path("metadata"), template.path("spec")));
            } else if ("CronJob".equals(kind)) {
                JsonNode template = object.path("spec").path("jobTemplate").path("spec").path("template");
                templates.add(new PodTemplate(object, template.path("metadata"), template.path("spec")));
            } else if ("Pod".equals(kind)) {
                templates.add(new PodTemplate(object, object.path("metadata"), object.path("spec")));
            }
        }
        return templates;
    }

    /** The values of a Secret, stringData as written and data decoded. */
    static Map<String, String> secretValues(JsonNode secret) {
        Map<String, String> values = new LinkedHashMap<>();
        secret.path("data").fields().forEachRemaining(e -> values.put(e.getKey(),
                new String(Base64.getMimeDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)));
        secret.path("stringData").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    /** The keys a ConfigMap holds. */
    static List<String> configMapKeys(JsonNode configMap) {
        List<String> keys = new ArrayList<>();
        configMap.path("data").fieldNames().forEachRemaining(keys::add);
        configMap.path("binaryData").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Whether a label selector (matchLabels and matchExpressions) selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isNull() || selector.isEmpty()) {
            return false; // an empty selector is not taken as "everything" in these checks
        }
        JsonNode matchLabels = selector.has("matchLabels") || selector.has("matchExpressions")
                ? selector.path("matchLabels") : selector; // a Service's selector is a plain map
        for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.path(expression.path("key").asText()).asText(null);
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A path such as "spec.backup.retentionPolicy" below a node (missing when any step is). */
    static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String step : dottedPath.split("\\.")) {
            current = current.path(step);
        }
        return current == null ? MissingNode.getInstance() : current;
    }
}
