package cn.zhibu.platform.problem;

import jakarta.validation.ElementKind;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Bean Validation property path into the name a client knows: {@code create.body.name}
 * becomes {@code name}, a violated query parameter {@code list.limit} becomes {@code limit}, a missing request body
 * (whatever the resource method calls it) becomes {@code body}.
 */
final class FieldPaths {

    private FieldPaths() {
    }

    static String of(Path path, Class<?> resource) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        if (nodes.size() == 2 && nodes.get(0).getKind() == ElementKind.METHOD
                && nodes.get(1).getKind() == ElementKind.PARAMETER
                && isEntity(resource, nodes.get(0).as(Path.MethodNode.class),
                        nodes.get(1).as(Path.ParameterNode.class).getParameterIndex())) {
            return "body";
        }
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

    /** Whether the method's parameter is its request body: one without a JAX-RS annotation. */
    private static boolean isEntity(Class<?> resource, Path.MethodNode node, int index) {
        try {
            // the resource class as written, not a subclass generated for its interceptors (which drops the
            // parameters' annotations)
            Class<?> declared = resource;
            while (declared.getSuperclass() != null
                    && (declared.isSynthetic() || declared.getName().endsWith("_Subclass"))) {
                declared = declared.getSuperclass();
            }
            Method method = declared.getMethod(node.getName(), node.getParameterTypes().toArray(Class<?>[]::new));
            for (Annotation annotation : method.getParameterAnnotations()[index]) {
                if (annotation.annotationType().getPackageName().equals("jakarta.ws.rs")
                        || annotation.annotationType().getPackageName().equals("jakarta.ws.rs.core")
                        || annotation.annotationType().getPackageName().startsWith("org.jboss.resteasy")) {
                    return false;
                }
            }
            return true;
        } catch (NoSuchMethodException | RuntimeException e) {
            return false;
        }
    }
}
