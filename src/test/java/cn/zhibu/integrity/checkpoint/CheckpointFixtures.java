package cn.zhibu.integrity.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/** What checkpoint tests share: changes made as the database's owner, and checking a signature as an auditor would. */
final class CheckpointFixtures {

    private CheckpointFixtures() {
    }

    /**
     * Runs these statements in one transaction as the owner of the tables would: with the append-only triggers of
     * integrity entries, their payloads and checkpoints disabled first and enabled again before it commits.
     */
    static void asOwner(String... statements) {
        try (java.sql.Connection owner = cn.zhibu.testing.EmbeddedPostgresResource.owner();
                java.sql.Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            String[] tables = {"integrity_entry", "integrity_entry_payload", "integrity_checkpoint"};
            for (String table : tables) {
                sql.execute("alter table " + table + " disable trigger user");
            }
            for (String statement : statements) {
                sql.execute(statement);
            }
            for (String table : tables) {
                sql.execute("alter table " + table + " enable trigger user");
            }
            owner.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Whether a checkpoint (as the API or a checkpoint file writes it) is signed by this public key (base64 SPKI):
     * the signed bytes written out again from its fields as the documentation says.
     */
    static boolean signed(Map<String, ?> checkpoint, String publicKey) throws Exception {
        String message = "zhibu/integrity-checkpoint/v1\n" + checkpoint.get("fileId") + "\n"
                + checkpoint.get("entryCount") + "\n" + checkpoint.get("headHash") + "\n" + checkpoint.get("at") + "\n"
                + checkpoint.get("keyId") + "\n";
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(publicKey)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode((String) checkpoint.get("signature")));
    }
}
