package cn.zhibu.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.testing.ContractOperations;
import cn.zhibu.testing.ContractOperations.ContractOperation;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * The contract says of {@code Idempotency-Key} what the service does: an operation takes the header exactly when its
 * method is {@link Idempotent}, and declares it required exactly when the service refuses a call without it.
 */
class IdempotencyContractTest {

    @Test
    void theContractsIdempotencyKeysAreTheServices() {
        // operationId (the method's name, or @Operation's) -> whether the service requires the key
        Map<String, Boolean> service = new TreeMap<>();
        for (var type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.zhibu")) {
            for (JavaMethod method : type.getMethods()) {
                Optional<Idempotent> idempotent = method.tryGetAnnotationOfType(Idempotent.class)
                        .or(() -> method.isAnnotatedWith("jakarta.ws.rs.Path") || method.isAnnotatedWith(
                                "jakarta.ws.rs.POST") ? type.tryGetAnnotationOfType(Idempotent.class) : Optional.empty());
                if (idempotent.isPresent()) {
                    String id = method.tryGetAnnotationOfType(Operation.class).map(Operation::operationId)
                            .filter(s -> !s.isEmpty()).orElse(method.getName());
                    service.put(id, idempotent.get().required());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (ContractOperation operation : ContractOperations.all()) {
            var key = operation.parameter("header", "Idempotency-Key");
            Boolean required = service.remove(operation.operationId());
            if (key.isPresent() && required == null) {
                problems.add(operation.operationId() + " takes an Idempotency-Key the service ignores");
            } else if (key.isEmpty() && required != null) {
                problems.add(operation.operationId() + " is idempotent, but the contract names no Idempotency-Key");
            } else if (key.isPresent() && !required.equals(Boolean.TRUE.equals(key.get().getRequired()))) {
                problems.add(operation.operationId() + ": the contract says the key is "
                        + (Boolean.TRUE.equals(key.get().getRequired()) ? "required" : "optional")
                        + ", the service " + (required ? "requires it" : "runs without it"));
            }
        }
        service.keySet().forEach(id -> problems.add(id + " is @Idempotent but no operation of the contract"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
