package cn.zhibu.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhibu.integrity.IntegrityAuthorizationMatrixTest;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the contract is checked by an authorisation matrix ({@link AuthorizationMatrixTest},
 * {@link IntegrityAuthorizationMatrixTest}) for every role inside and outside the unit, unless it is not about a
 * unit at all (signing in, the caller's own account, the service's metadata) or is named below as not in a matrix
 * yet (each has API tests of its own). A new operation fails this test until it has its rows. (In the running
 * service: some rows read the business date when they are built.)
 */
@QuarkusTest
class AuthorizationMatrixCoverageTest {

    /** Operations of no unit: what anyone, or the caller about themself, may do. */
    private static final Set<String> OF_NO_UNIT = Set.of("getMeta", "getSigningKeys", "signInWithPassword",
            "signInWithWeChat", "signInAsDemoPerson", "refreshSession", "signOut", "issueClientToken", "getMe",
            "changeMyPassword");

    /** Operations on units that no matrix checks yet; tested by their own API tests. Shrinks, never grows. */
    private static final Set<String> NOT_IN_A_MATRIX_YET = Set.of("createCalendarDay", "deleteCalendarDay",
            "getCalendarDay", "listCalendarDays", "updateCalendarDay", "getApiClient", "rotateApiClientSecret",
            "getGrant", "getLedgerEntry", "reverseLedgerEntry", "getScoringRule", "importPeople", "getPeopleImport",
            "listPeopleImportErrors");

    private static final Pattern OPERATION_ID = Pattern.compile("(?m)^\\s+operationId: \"?([A-Za-z]+)\"?\\s*$");

    @Test
    void everyOperationOfTheContractIsInAMatrixOrNamedAsNotAboutAUnit() throws IOException {
        Set<String> contract = new TreeSet<>();
        Matcher m = OPERATION_ID.matcher(Files.readString(Path.of("openapi/openapi.yaml")));
        while (m.find()) {
            contract.add(m.group(1));
        }
        Set<String> checked = AuthorizationMatrixTest.operations().stream().map(op -> baseName(op.name()))
                .collect(Collectors.toCollection(TreeSet::new));
        IntegrityAuthorizationMatrixTest.operations().forEach(op -> checked.add(baseName(op.name())));

        Set<String> missing = new TreeSet<>(contract);
        missing.removeAll(checked);
        missing.removeAll(OF_NO_UNIT);
        missing.removeAll(NOT_IN_A_MATRIX_YET);
        assertEquals(Set.of(), missing, "operations without rows in an authorisation matrix");

        Set<String> stale = new TreeSet<>(NOT_IN_A_MATRIX_YET);
        stale.retainAll(checked);
        assertEquals(Set.of(), stale, "in a matrix now: take them off NOT_IN_A_MATRIX_YET");
        Set<String> unknown = new TreeSet<>(checked);
        unknown.removeAll(contract);
        assertEquals(Set.of(), unknown, "matrix rows naming no operation of the contract");
        assertTrue(contract.containsAll(List.copyOf(OF_NO_UNIT)) && contract.containsAll(NOT_IN_A_MATRIX_YET),
                "every operation named here is in the contract");
    }

    /** "listPartyDays(branchId)" is a row of listPartyDays. */
    private static String baseName(String row) {
        int variant = row.indexOf('(');
        return variant < 0 ? row : row.substring(0, variant);
    }
}
