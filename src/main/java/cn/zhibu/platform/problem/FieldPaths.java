package cn.zhibu.platform.problem;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Bean Validation property path into the name a client knows: {@code create.body.name}
 * becomes {@code name}, a violated query parameter {@code list.limit} becomes {@code limit}.
 */
final class FieldPaths {

    private FieldPaths() {
    }

    static String of(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            boolean lastNode = i == nodes.size() - 1;
            if (kind == ElementKind.PARAMETER && !lastNode) {
                continue; // a request body: its fields are what the client named
            }
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }
}
